from build import add, page
MA, SI, IF, SU, TE = "made_amenable", "agreement_signed", "agreement_in_force", "agreement_suspended", "agreement_terminated"

# 19 ---------------------------------------------------------------------------------------
add("gt-2019-11-llega-primer-hondureno", "html", "es", "2019-11-22", "news", True, page("es", "Diario del Altiplano",
    "Llega a Guatemala el primer solicitante de asilo enviado por EE. UU.",
    "Por Redacción Nacionales", "2019-11-22", [
    "Un vuelo comercial procedente de El Paso, Texas, aterrizó la tarde del jueves en el aeropuerto La Aurora con el primer migrante trasladado al país en el marco del Acuerdo de Cooperación en materia de Asilo firmado con Estados Unidos.",
    "Se trata de un hombre hondureño de 26 años, informó el Instituto Guatemalteco de Migración (IGM). Según la institución, fue recibido por personal de la Organización Internacional para las Migraciones y se le explicó que puede solicitar refugio en Guatemala o regresar a su país.",
    "&ldquo;El señor manifestó su deseo de retornar a Honduras&rdquo;, indicó un vocero del IGM, quien añadió que en los próximos días se esperan más traslados.",
    "El acuerdo fue suscrito el 26 de julio en Washington por el entonces ministro de Gobernación, Enrique Degenhart, y fue duramente criticado por organizaciones de derechos humanos.",
    "<div class=\"publicidad\">Publicidad</div>",
    "La Procuraduría de los Derechos Humanos pidió al Gobierno informar cuántas personas se prevé recibir y con qué recursos se atenderán sus solicitudes.",
    ], ["¿Qué es el acuerdo de tercer país seguro?", "PDH cuestiona capacidad de Migración", "Hondureños y salvadoreños, los primeros en ser enviados"], kicker="NACIONALES"),
    [(MA, "GT", "HN"), (IF, "GT")],
    [(SI, "GT"), (MA, "GT", "SV")],
    1,
    "Relato de llegada: la nacionalidad aparece en otra oración ('Se trata de un hombre hondureño') que el traslado; el receptor es el país del medio (Guatemala, en titular). Una persona trasladada -> made_amenable GT/HN y primer traslado -> agreement_in_force GT. La firma de julio es antecedente. El enlace relacionado 'Hondureños y salvadoreños, los primeros en ser enviados' hace defendible GT/SV -> antecedente.")

# 20 ---------------------------------------------------------------------------------------
add("sv-2019-09-firma-acuerdo-asilo", "txt", "es", "2019-09-21", "news", True, """
SAN SALVADOR, 21 de septiembre de 2019

El Salvador firma acuerdo de asilo con Estados Unidos

El canciller salvadoreño y el secretario interino de Seguridad Nacional de Estados Unidos firmaron el viernes en Washington un Acuerdo de Cooperación en materia de Asilo, por el cual El Salvador se compromete a recibir a solicitantes de asilo que lleguen a territorio estadounidense.

El texto no establece qué nacionalidades podrán ser enviadas ni cuándo comenzará su aplicación. Según el Gobierno salvadoreño, la implementación dependerá del fortalecimiento de la capacidad institucional del país.

El presidente Nayib Bukele defendió el pacto en redes sociales y afirmó que a cambio se ampliaría el Estatus de Protección Temporal (TPS) para los salvadoreños en Estados Unidos.

Organizaciones de derechos humanos recordaron que El Salvador es uno de los países con más desplazamiento forzado de la región y que carece de un sistema de asilo funcional.

Estados Unidos firmó un acuerdo similar con Guatemala en julio y negocia otro con Honduras.
""",
    [(SI, "SV")],
    [(SI, "GT")],
    None,
    "Solo ciclo de vida: firma del ACA con El Salvador -> agreement_signed SV. No se menciona ninguna nacionalidad cubierta ('no establece qué nacionalidades'). El acuerdo con Guatemala es antecedente; la negociación con Honduras es una propuesta, sin evento.")

# 21 ---------------------------------------------------------------------------------------
add("gt-2020-01-comunicado-mexicanos", "html", "es", "2020-01-07", "government", True, page("es", "Instituto Guatemalteco de Migración",
    "Comunicado de prensa 004-2020",
    "Departamento de Comunicación Social", "2020-01-07", [
    "El Instituto Guatemalteco de Migración (IGM) informa a la población que, en seguimiento al Acuerdo entre el Gobierno de la República de Guatemala y el Gobierno de los Estados Unidos de América relativo a la Cooperación respecto a la Examinación de Solicitudes de Protección, las autoridades de ambos países han acordado ampliar las poblaciones elegibles.",
    "A partir de la presente fecha, podrán ser trasladados a Guatemala ciudadanos de los Estados Unidos Mexicanos que hayan solicitado protección en los Estados Unidos de América, siempre que cumplan con los criterios establecidos en el Acuerdo.",
    "A la fecha, el país ha recibido a 143 personas de nacionalidad hondureña y salvadoreña en el marco del Acuerdo.",
    "El IGM reitera su compromiso con la atención digna de las personas migrantes.",
    "<p class=\"firma\">Guatemala, 7 de enero de 2020.</p>",
    ], ["Requisitos para solicitar refugio en Guatemala", "Estadísticas de retornados 2019", "Transparencia"], nav=["Inicio", "Trámites", "Sala de prensa", "Transparencia", "Contacto"]),
    [(MA, "GT", "MX")],
    [(MA, "GT", "HN"), (MA, "GT", "SV"), (SI, "GT"), (IF, "GT")],
    None,
    "Comunicado oficial: 'podrán ser trasladados a Guatemala ciudadanos de los Estados Unidos Mexicanos' (nombre oficial del Estado, no gentilicio) -> made_amenable GT/MX requerido. Las 143 personas hondureñas y salvadoreñas ya recibidas son hechos previos -> antecedente. affected_count null: 143 no se refiere al cambio.")

# 22 ---------------------------------------------------------------------------------------
add("gt-2020-03-suspende-traslados", "txt", "es", "2020-03-17", "news", True, """
CIUDAD DE GUATEMALA, 17 de marzo de 2020 (Agencia Centroamericana de Noticias)

Guatemala suspende recepción de solicitantes de asilo enviados desde EE. UU.

El Gobierno de Guatemala suspendió temporalmente la recepción de vuelos con solicitantes de asilo trasladados desde Estados Unidos bajo el Acuerdo de Cooperación en materia de Asilo, como parte de las medidas contra el coronavirus, informó el lunes la Cancillería.

La suspensión rige mientras dure el estado de calamidad decretado por el presidente Alejandro Giammattei.

Desde noviembre, Estados Unidos ha enviado a Guatemala a 939 personas, en su mayoría hondureños y salvadoreños, según datos oficiales. Solo una veintena solicitó refugio en el país.

En enero, Washington había incluido también a ciudadanos mexicanos entre los elegibles, aunque la Cancillería no precisó si alguno llegó a ser trasladado.
""",
    [(SU, "GT")],
    [(MA, "GT", "HN"), (MA, "GT", "SV"), (MA, "GT", "MX"), (IF, "GT")],
    939,
    "Suspensión de los traslados a Guatemala por el coronavirus -> agreement_suspended GT requerido. Las 939 personas hondureñas y salvadoreñas enviadas desde noviembre y la inclusión de mexicanos en enero son recapitulación -> antecedente. affected_count 939: las personas trasladadas bajo el acuerdo que se suspende (cifra del texto).")

# 23 ---------------------------------------------------------------------------------------
add("do-2026-02-llegan-cubanas-venezolanos", "html", "es", "2026-02-10", "news", True, page("es", "El Nacional Dominicano",
    "Llega el primer grupo de solicitantes de asilo enviados por EE. UU.",
    "Por Yokasta Peña", "2026-02-10", [
    "SANTO DOMINGO.&ndash; Un avión fletado por el Departamento de Seguridad Nacional de Estados Unidos aterrizó este lunes a las 10:40 de la mañana en el Aeropuerto Internacional de Las Américas con 31 personas que habían pedido asilo en territorio estadounidense.",
    "Entre los pasajeros había 12 cubanas, la mayoría madres con hijos adultos, y 19 venezolanos, informó la Dirección General de Migración.",
    "Es el primer traslado realizado en virtud del Acuerdo de Cooperación en materia de Asilo que ambos gobiernos firmaron en noviembre. Las solicitudes serán examinadas por la Comisión Nacional para los Refugiados (CONARE).",
    "&ldquo;Recibimos a estas personas con apego a la ley y a los derechos humanos&rdquo;, dijo el director de Migración, quien aseguró que el país no recibirá más de 150 personas al mes.",
    "Los recién llegados fueron trasladados en autobús a un centro de acogida en Santo Domingo Este.",
    ], ["¿Qué dice el acuerdo de asilo con Washington?", "CONARE: solo 4 oficiales para examinar solicitudes", "Oposición pide llevar el acuerdo al Congreso"], kicker="NACIONALES"),
    [(MA, "DO", "CU"), (MA, "DO", "VE"), (IF, "DO")],
    [(SI, "DO")],
    31,
    "Ficticio (2026). EE. UU. -> República Dominicana; el receptor solo en la data ('SANTO DOMINGO') y el aeropuerto; las nacionalidades en otra oración ('Entre los pasajeros había 12 cubanas ... y 19 venezolanos', gentilicio femenino plural). -> made_amenable DO/CU, DO/VE; primer traslado -> agreement_in_force DO. Firma de noviembre: antecedente. 31 personas trasladadas.")

# 24 ---------------------------------------------------------------------------------------
add("do-2026-04-resolucion-nicaraguenses", "txt", "es", "2026-04-28", "government", True, """
REPÚBLICA DOMINICANA
MINISTERIO DE INTERIOR Y POLICÍA
RESOLUCIÓN NÚM. 018-2026

Santo Domingo, D. N., 28 de abril de 2026

CONSIDERANDO: Que el Acuerdo de Cooperación en materia de Asilo suscrito con los Estados Unidos de América entró en vigor el 9 de febrero de 2026 y se aplica a personas de nacionalidad cubana y venezolana;

CONSIDERANDO: Que el Comité Mixto previsto en el artículo 7 del Acuerdo recomendó ampliar las poblaciones elegibles;

RESUELVE:

PRIMERO: Podrán acogerse al procedimiento previsto en el Acuerdo, y en consecuencia ser trasladadas a la República Dominicana, quienes ostenten la nacionalidad nicaragüense y hayan presentado una solicitud de protección en los Estados Unidos de América.

SEGUNDO: La presente resolución surtirá efectos a partir del 15 de mayo de 2026.

TERCERO: Se ordena su publicación en la Gaceta Oficial y en el portal institucional.
""",
    [(MA, "DO", "NI")],
    [(MA, "DO", "CU"), (MA, "DO", "VE"), (IF, "DO")],
    None,
    "Ficticio (2026). Resolución oficial con efectos diferidos ('a partir del 15 de mayo'): 'quienes ostenten la nacionalidad nicaragüense' podrán ser trasladadas a la República Dominicana -> made_amenable DO/NI requerido (decisión fechada). Los considerandos citan la cobertura previa de cubanos y venezolanos y la entrada en vigor -> antecedente.")

# 25 ---------------------------------------------------------------------------------------
add("do-2026-06-haitianos-no-incluidos", "html", "es", "2026-06-03", "news", False, page("es", "Listín Digital",
    "Gobierno niega que haitianos puedan ser enviados al país bajo acuerdo con EE. UU.",
    "Por Ramón Almonte", "2026-06-03", [
    "El Ministerio de Interior y Policía desmintió este martes las versiones difundidas en redes sociales según las cuales Estados Unidos podría comenzar a enviar a la República Dominicana a solicitantes de asilo de nacionalidad haitiana.",
    "&ldquo;Los nacionales haitianos no están cubiertos por el acuerdo ni lo estarán&rdquo;, afirmó el ministro en rueda de prensa. &ldquo;Eso nunca ha estado sobre la mesa.&rdquo;",
    "Un congresista estadounidense había sugerido la semana pasada que el acuerdo &ldquo;podría ampliarse&rdquo; a haitianos, lo que generó preocupación en Dajabón y otras provincias fronterizas.",
    "El acuerdo, vigente desde febrero, se aplica a cubanos, venezolanos y, desde mayo, nicaragüenses. Hasta la fecha el país ha recibido a 402 personas.",
    ], ["Migración deporta a 1,200 haitianos en una semana", "Editorial: claridad sobre el acuerdo de asilo", "Frontera: refuerzan vigilancia en Dajabón"], kicker="POLÍTICA"),
    [],
    [(MA, "DO", "CU"), (MA, "DO", "VE"), (MA, "DO", "NI"), (IF, "DO")],
    None,
    "Negativo difícil: desmentido oficial ('Los nacionales haitianos no están cubiertos') y una especulación de un congresista ('podría ampliarse'); no hay made_amenable DO/HT. La cobertura vigente (cubanos, venezolanos, nicaragüenses) y la vigencia desde febrero se citan como antecedente -> relevant false con eventos de fondo.")

# 26 ---------------------------------------------------------------------------------------
add("es-2027-03-acuerdo-mauritania", "txt", "es", "2027-03-12", "news", True, """
MADRID, 12 de marzo de 2027 (Agencia Ibérica)

España y Mauritania firman un acuerdo de tercer país seguro

El ministro del Interior y su homólogo mauritano firmaron este viernes en Nuakchot un acuerdo por el que Mauritania examinará las solicitudes de asilo de determinadas personas que lleguen de forma irregular a Canarias.

Según el texto, que el Gobierno remitió al Congreso, el acuerdo se aplicará a los nacionales de Malí, Senegal y Gambia que hayan transitado por territorio mauritano. Los malienses, que representan casi la mitad de las llegadas a las islas, serán el grupo más numeroso.

Mauritania recibirá 210 millones de euros en tres años y podrá acoger hasta 2.000 personas al año. Las personas reconocidas como refugiadas obtendrán residencia en Mauritania.

El Gobierno prevé que los primeros traslados se produzcan en abril.

CEAR y Amnistía Internacional calificaron el acuerdo de "externalización del asilo" y anunciaron que lo recurrirán.
""",
    [(SI, "MR"), (MA, "MR", "ML"), (MA, "MR", "SN"), (MA, "MR", "GM")],
    [(IF, "MR")],
    2000,
    "Ficticio (2027). España (emisor) y Mauritania (receptor) firman un acuerdo de tercer país seguro -> agreement_signed MR. El texto firmado 'se aplicará a los nacionales de Malí, Senegal y Gambia' -> made_amenable MR/ML, MR/SN, MR/GM (decisión oficial, no propuesta). 'Los primeros traslados ... en abril' es un paso futuro -> agreement_in_force MR como antecedente aceptable. affected_count 2.000 (capacidad anual).")

# 27 ---------------------------------------------------------------------------------------
add("mr-2027-04-primer-traslado-nuakchot", "html", "es", "2027-04-16", "news", True, page("es", "Canarias Hoy",
    "Sale el primer vuelo de solicitantes de asilo de Canarias a Mauritania",
    "Por Laura Betancor / Las Palmas", "2027-04-16", [
    "El primer vuelo con solicitantes de asilo trasladados desde Canarias en aplicación del acuerdo hispano-mauritano despegó el jueves de Gran Canaria a las siete de la mañana. Aterrizó en Nuakchot poco antes de las diez.",
    "Viajaban 23 personas. Entre ellas, una mujer senegalesa y sus dos hijos, de 17 y 19 años, y 14 malienses, según fuentes del Ministerio del Interior. El resto eran también de nacionalidad senegalesa.",
    "Las autoridades mauritanas los trasladaron al centro de acogida de Tevragh Zeina, donde la Agencia Nacional de Asilo estudiará sus expedientes.",
    "El acuerdo, firmado en marzo, cubre también a los gambianos, aunque ninguno viajaba en este primer vuelo.",
    "&ldquo;Hemos cumplido lo que prometimos&rdquo;, dijo el delegado del Gobierno en Canarias.",
    "<p class=\"pie\">Con información de Efe.</p>",
    ], ["El Supremo admite a trámite el recurso de CEAR", "Así es el centro de Tevragh Zeina", "Llegadas a Canarias caen un 20% en marzo"], kicker="CANARIAS"),
    [(MA, "MR", "SN"), (MA, "MR", "ML"), (IF, "MR")],
    [(MA, "MR", "GM"), (SI, "MR")],
    23,
    "Ficticio (2027). Primer vuelo España -> Mauritania; el receptor aparece en el párrafo anterior ('Aterrizó en Nuakchot') y en el titular; las nacionalidades en otra oración ('una mujer senegalesa ... y 14 malienses', 'de nacionalidad senegalesa') -> made_amenable MR/SN, MR/ML; primer traslado -> agreement_in_force MR. Gambianos cubiertos desde marzo (hecho previo) y la firma -> antecedente. 23 trasladados.")

# 28 ---------------------------------------------------------------------------------------
add("mx-2027-09-decreto-guatemala-tercer-pais", "txt", "es", "2027-09-02", "government", True, """
SECRETARÍA DE GOBERNACIÓN
COMUNICADO CONJUNTO SEGOB-COMAR
Ciudad de México, 2 de septiembre de 2027

Entra en vigor el Acuerdo de Tercer País Seguro entre México y Guatemala

Con la publicación hoy en el Diario Oficial de la Federación del decreto promulgatorio, entra en vigor el Acuerdo entre los Estados Unidos Mexicanos y la República de Guatemala sobre la Determinación de la Responsabilidad en el Examen de Solicitudes de la Condición de Refugiado, firmado en Tapachula el 14 de julio de 2027.

En consecuencia, queda habilitado el traslado a Guatemala de personas de nacionalidad cubana, venezolana y haitiana que hayan ingresado a México por la frontera sur tras permanecer en territorio guatemalteco y que soliciten el reconocimiento de la condición de refugiado ante la COMAR.

Las personas trasladadas podrán solicitar protección ante la Comisión Nacional para Refugiados de Guatemala.

Quedan exceptuadas las niñas, niños y adolescentes no acompañados.

La Secretaría estima que la medida podrá aplicarse a cerca de 12.000 personas al año.
""",
    [(IF, "GT"), (MA, "GT", "CU"), (MA, "GT", "VE"), (MA, "GT", "HT")],
    [(SI, "GT")],
    12000,
    "Ficticio (2027). Emisor México, receptor Guatemala (no EE. UU.). Entrada en vigor por publicación del decreto -> agreement_in_force GT; 'queda habilitado el traslado a Guatemala de personas de nacionalidad cubana, venezolana y haitiana' -> made_amenable GT/CU, GT/VE, GT/HT. La firma de julio es antecedente. affected_count 12.000 (estimación anual del texto).")

# 29 ---------------------------------------------------------------------------------------
add("cl-2028-02-decreto-uruguay-anexo", "html", "es", "2028-02-14", "government", True, page("es", "Ministerio del Interior y Seguridad Pública &ndash; Gobierno de Chile",
    "Se promulga acuerdo con Uruguay sobre examen de solicitudes de refugio",
    "Prensa Ministerio del Interior", "2028-02-14", [
    "El Presidente de la República promulgó este lunes el Acuerdo entre la República de Chile y la República Oriental del Uruguay sobre Cooperación en el Examen de Solicitudes de Protección Internacional, suscrito en Montevideo el 3 de noviembre de 2027.",
    "El Acuerdo entrará en vigor a partir de su publicación en el Diario Oficial, que se realizó hoy. Desde esa fecha, el Servicio Nacional de Migraciones podrá derivar a Uruguay a las personas solicitantes comprendidas en el Anexo I.",
    "<h2>Anexo I &ndash; Nacionalidades comprendidas</h2>",
    """      <ul>
        <li>República Bolivariana de Venezuela</li>
        <li>República de Colombia</li>
        <li>República del Perú</li>
      </ul>""",
    "Las solicitudes serán resueltas por la Comisión de Refugiados de Uruguay (CORE). Chile financiará el alojamiento durante el procedimiento.",
    "&ldquo;Es un paso hacia una responsabilidad compartida en la región&rdquo;, señaló la subsecretaria del Interior.",
    ], ["Texto íntegro del Acuerdo (PDF)", "Preguntas frecuentes sobre refugio", "Cifras migratorias 2027"], nav=["Inicio", "Trámites", "Sala de prensa", "Transparencia", "Contacto"]),
    [(IF, "UY"), (MA, "UY", "VE"), (MA, "UY", "CO"), (MA, "UY", "PE")],
    [(SI, "UY")],
    None,
    "Ficticio (2028). Emisor Chile, receptor Uruguay. Entrada en vigor con la publicación de hoy -> agreement_in_force UY. Las nacionalidades aparecen solo como nombres oficiales de Estados en una lista del Anexo I ('República Bolivariana de Venezuela', 'República de Colombia', 'República del Perú') -> made_amenable UY/VE, UY/CO, UY/PE. La firma de noviembre de 2027 es antecedente.")

# 30 ---------------------------------------------------------------------------------------
add("uy-2028-03-ministra-recibimos-venezolanos", "txt", "es", "2028-03-07", "news", True, """
MONTEVIDEO, 7 mar 2028 (Radio Oriental) --

"Nuestro país recibió esta mañana a 30 venezolanos", dijo la ministra del Interior al confirmar la llegada del primer grupo de solicitantes de refugio derivados por Chile.

Los recién llegados, que viajaron en un vuelo de la Fuerza Aérea chilena desde Santiago, fueron alojados en un hogar del Ministerio de Desarrollo Social en el barrio Cerro. Junto a ellos llegó una pareja colombiana con un bebé nacido en Chile.

"Vamos a estudiar cada caso con las garantías de nuestra ley de refugio", agregó la ministra, quien recordó que el acuerdo con Santiago entró en vigor en febrero.

El PIT-CNT y organizaciones de la sociedad civil se manifestaron frente a la Torre Ejecutiva para reclamar que el Parlamento revise el acuerdo.
""",
    [(MA, "UY", "VE"), (MA, "UY", "CO"), (IF, "UY")],
    [],
    30,
    "Ficticio (2028). Cita de la ministra del país receptor ('Nuestro país recibió esta mañana a 30 venezolanos'); Uruguay solo por la data y 'nuestro país'. Una pareja colombiana llega con ellos -> made_amenable UY/VE y UY/CO. Llegada del 'primer grupo' -> agreement_in_force UY requerido (regla del README), aunque el texto recuerda que el acuerdo entró en vigor en febrero. affected_count 30: la cifra que el texto da (más una pareja y un bebé sin cifra).")

# 31 ---------------------------------------------------------------------------------------
add("hn-2025-10-amplian-ecuatorianos-colombianos", "html", "es", "2025-10-09", "news", True, page("es", "La Tribuna Digital",
    "Honduras recibirá también a ecuatorianos y colombianos enviados por EE. UU.",
    "Por Karla Zelaya", "2025-10-09", [
    "TEGUCIGALPA.&ndash; La Secretaría de Relaciones Exteriores confirmó este miércoles que se amplió la lista de nacionalidades que Estados Unidos puede trasladar a Honduras en el marco del acuerdo de cooperación en asilo vigente desde julio.",
    "A partir del 20 de octubre, además de cubanos, nicaragüenses y venezolanos, podrán ser enviados al país solicitantes de asilo ecuatorianos y colombianos, detalló la Cancillería en un comunicado.",
    "&ldquo;Honduras acepta esta ampliación porque se trata de personas que transitaron por nuestro territorio&rdquo;, explicó el vicecanciller. La medida, según Washington, podría afectar a unas 3.500 personas al año.",
    "Hasta la fecha, el país ha recibido 187 solicitantes de asilo bajo el acuerdo, la mayoría venezolanos.",
    "Organizaciones como el Centro por la Justicia y los Derechos Humanos advirtieron que Honduras tiene una de las tasas de homicidio más altas de la región.",
    ], ["Llega a Honduras el primer grupo de venezolanos", "¿Cuántos oficiales de asilo tiene el país?", "EE. UU. y Honduras: el acuerdo, punto por punto"], kicker="NACIONALES"),
    [(MA, "HN", "EC"), (MA, "HN", "CO")],
    [(MA, "HN", "CU"), (MA, "HN", "NI"), (MA, "HN", "VE"), (IF, "HN")],
    3500,
    "Ficticio (2025). Cancillería hondureña confirma la ampliación con fecha ('A partir del 20 de octubre ... podrán ser enviados al país solicitantes de asilo ecuatorianos y colombianos'); receptor = 'el país' / titular -> made_amenable HN/EC, HN/CO requeridos. Cubanos, nicaragüenses y venezolanos ya cubiertos y el acuerdo vigente desde julio -> antecedente. affected_count 3.500 (estimación de afectados por el cambio).")

# 32 ---------------------------------------------------------------------------------------
add("py-2025-09-paraguay-chinos-indios-rusos", "txt", "es", "2025-09-24", "news", True, """
ASUNCIÓN, 24 de septiembre de 2025 (Agencia de Noticias del Cono Sur)

El Gobierno paraguayo confirmó este martes que las primeras nacionalidades que Estados Unidos podrá trasladar a Paraguay en virtud del acuerdo de "tercer país seguro" firmado en agosto serán la china, la india y la rusa.

"Paraguay recibirá a solicitantes de protección de la República Popular China, de la República de la India y de la Federación de Rusia, que son los grupos acordados con Washington", dijo el canciller en conferencia de prensa en el Palacio de López.

Según el Ministerio del Interior, los ciudadanos chinos, indios y rusos que pidan asilo en la frontera estadounidense podrán ser trasladados a partir del 1 de noviembre. Las solicitudes serán examinadas por la Comisión Nacional de Refugiados (CONARE).

El canciller descartó que Paraguay vaya a recibir a ciudadanos de países vecinos. "Los venezolanos no están incluidos", precisó.

La oposición pidió que el acuerdo sea sometido al Congreso.
""",
    [(MA, "PY", "CN"), (MA, "PY", "IN"), (MA, "PY", "RU")],
    [(SI, "PY")],
    None,
    "Ficticio (2025). EE. UU. -> Paraguay. Nacionalidades con nombres oficiales ('República Popular China', 'República de la India', 'Federación de Rusia') y gentilicios en plural ('chinos, indios y rusos'), con fecha ('a partir del 1 de noviembre') -> made_amenable PY/CN, PY/IN, PY/RU. 'Los venezolanos no están incluidos' es una negación: sin evento PY/VE. Firma de agosto -> antecedente.")

# 33 ---------------------------------------------------------------------------------------
add("cr-2026-07-costa-rica-panama-ampliacion", "txt", "es", "2026-07-15", "news", True, """
SAN JOSÉ, 15 de julio de 2026 (Noticias Istmo)

EE. UU. amplía sus acuerdos de asilo con Costa Rica y Panamá

El Departamento de Seguridad Nacional de Estados Unidos publicó este miércoles dos avisos que amplían las poblaciones que pueden ser trasladadas a Costa Rica y a Panamá en virtud de los acuerdos de cooperación en asilo firmados con ambos países el año pasado.

Desde el 1 de agosto, los colombianos que soliciten asilo en la frontera sur estadounidense podrán ser trasladados a Costa Rica. Panamá, por su parte, recibirá a ecuatorianos y peruanos.

La ministra costarricense de la Presidencia confirmó la ampliación: "Costa Rica aceptó incluir a personas de nacionalidad colombiana, con un tope de 80 por mes".

En Panamá, el Servicio Nacional de Migración dijo que "ya se coordinan los primeros vuelos" con ciudadanos del Ecuador y del Perú.

Hasta ahora, ambos acuerdos se aplicaban únicamente a venezolanos y nicaragüenses.
""",
    [(MA, "CR", "CO"), (MA, "PA", "EC"), (MA, "PA", "PE")],
    [(SI, "CR"), (SI, "PA"), (MA, "CR", "VE"), (MA, "CR", "NI"), (MA, "PA", "VE"), (MA, "PA", "NI")],
    None,
    "Ficticio (2026). Dos receptores en un documento, con fecha ('Desde el 1 de agosto'): colombianos -> Costa Rica; Panamá 'recibirá a ecuatorianos y peruanos' (receptor como sujeto de la oración siguiente) -> made_amenable CR/CO, PA/EC, PA/PE. La cobertura previa (venezolanos y nicaragüenses en ambos) y las firmas del año anterior -> antecedente. Tope de 80 al mes no es un número de afectados -> null.")

# 34 ---------------------------------------------------------------------------------------
add("gt-2028-01-historia-haitiana-trasladada", "html", "es", "2028-01-18", "news", True, page("es", "Plaza Pública Semanal",
    "Rose-Merline, trasladada dos veces",
    "Por Andrea Cifuentes &middot; Crónica", "2028-01-18", [
    "QUETZALTENANGO &mdash; Rose-Merline tiene 31 años, un pasaporte azul de la República de Haití y una hoja sellada por la COMAR que dice, en un español que ella todavía no entiende del todo, &ldquo;traslado conforme al Acuerdo&rdquo;.",
    "Salió de Puerto Príncipe en 2024, vivió un año en Santiago de Chile y cruzó diez países hasta llegar a Tapachula, donde pidió refugio en octubre. En diciembre, agentes mexicanos la subieron a un autobús con otras 17 personas y la llevaron hasta la frontera de Tecún Umán.",
    "Desde entonces espera en un albergue de esta ciudad a que la Comisión Nacional para Refugiados de Guatemala revise su caso. &ldquo;Me dijeron que México ya no era mi país de asilo, que ahora era este&rdquo;, cuenta.",
    "La haitiana es una de las 1.146 personas que México ha enviado a Guatemala desde que entró en vigor el acuerdo de tercer país seguro, en septiembre, según datos de la COMAR obtenidos por este medio.",
    "<div class=\"nota\">Este reportaje fue realizado con apoyo de una beca de periodismo migratorio.</div>",
    ], ["Tecún Umán, la nueva frontera del asilo", "COMAR: 40% de los trasladados son cubanos", "El acuerdo México-Guatemala, explicado"], kicker="CRÓNICA"),
    [(MA, "GT", "HT")],
    [(IF, "GT"), (MA, "GT", "CU")],
    None,
    "Ficticio (2028). Historia de una sola persona: nacionalidad por 'pasaporte ... de la República de Haití' y 'La haitiana', trasladada de México a Guatemala bajo el acuerdo de tercer país seguro -> made_amenable GT/HT (una persona basta). El receptor está en la data (Quetzaltenango) y en el tercer párrafo. La entrada en vigor de septiembre y las 1.146 personas son datos previos -> antecedente; el titular de la nota relacionada ('COMAR: 40% de los trasladados son cubanos') es lectura defendible de GT/CU -> antecedente, no requerido. affected_count null (el cambio no es nuevo; 1.146 es acumulado).")

# 35 ---------------------------------------------------------------------------------------
add("mx-2027-06-senado-debate-propuesta", "txt", "es", "2027-06-08", "news", False, """
CIUDAD DE MÉXICO, 8 de junio de 2027 (Crónica Legislativa)

Senado debate propuesta de acuerdo de tercer país seguro con Guatemala

Senadores de oposición y del partido gobernante discutieron este martes en comisiones la propuesta del Ejecutivo para negociar con Guatemala un acuerdo que permitiría trasladar a ese país a solicitantes de refugio que hayan transitado por su territorio.

De aprobarse, cubanos, venezolanos y haitianos podrían ser trasladados a Guatemala, según un documento de trabajo de la Secretaría de Gobernación citado por la senadora ponente. "Nada está decidido; estamos ante un borrador", aclaró.

El canciller guatemalteco dijo en Ciudad de Guatemala que su país "escuchará la propuesta", pero que no ha firmado nada.

Organizaciones como Sin Fronteras advirtieron que Guatemala carece de capacidad para atender más solicitudes.
""",
    [], [], None,
    "Negativo difícil: propuesta en discusión, condicional ('De aprobarse ... podrían ser trasladados') y declaración de que no se ha firmado nada. Sin eventos; relevant false.")

# 36 ---------------------------------------------------------------------------------------
add("es-2028-09-mauritania-nuevas-nacionalidades", "html", "es", "2028-09-22", "government", True, page("es", "Ministerio del Interior &ndash; Gobierno de España",
    "Actualización del ámbito de aplicación del Acuerdo con la República Islámica de Mauritania",
    "Nota de prensa &middot; Gabinete de Comunicación", "2028-09-22", [
    "El Consejo de Ministros ha aprobado hoy, a propuesta del Ministerio del Interior, la actualización del Anexo del Acuerdo entre el Reino de España y la República Islámica de Mauritania relativo al examen de solicitudes de protección internacional.",
    "Tras la evaluación semestral prevista en el artículo 12, el ámbito personal del Acuerdo queda como sigue:",
    """      <table class="tabla">
        <thead><tr><th>Nacionalidad</th><th>Situación</th><th>Fecha de efectos</th></tr></thead>
        <tbody>
          <tr><td>Malí</td><td>Se mantiene</td><td>&mdash;</td></tr>
          <tr><td>Senegal</td><td>Se mantiene</td><td>&mdash;</td></tr>
          <tr><td>Gambia</td><td>Se excluye</td><td>1 de octubre de 2028</td></tr>
          <tr><td>Côte d&rsquo;Ivoire</td><td>Se incorpora</td><td>1 de octubre de 2028</td></tr>
          <tr><td>Guinea</td><td>Se incorpora</td><td>1 de octubre de 2028</td></tr>
          <tr><td>Burkina Faso</td><td>Se incorpora</td><td>1 de octubre de 2028</td></tr>
        </tbody>
      </table>""",
    "La exclusión de Gambia responde a la reciente evolución de la tasa de reconocimiento de sus nacionales. Las personas marfileñas, guineanas y burkinesas que lleguen de forma irregular a Canarias a partir de la fecha de efectos podrán ser trasladadas a Mauritania.",
    "Desde la entrada en vigor del Acuerdo, en abril de 2027, se han efectuado 2.870 traslados.",
    ], ["Balance migratorio agosto 2028", "Texto del Acuerdo (BOE)", "Sala de prensa"], nav=["Inicio", "Trámites", "Sala de prensa", "Transparencia", "Contacto"]),
    [(MA, "MR", "CI"), (MA, "MR", "GN"), (MA, "MR", "BF")],
    [(MA, "MR", "ML"), (MA, "MR", "SN"), (IF, "MR")],
    None,
    "Ficticio (2028). Nota oficial con una tabla: Côte d'Ivoire, Guinea y Burkina Faso 'Se incorpora' con fecha de efectos, y en el texto 'Las personas marfileñas, guineanas y burkinesas ... podrán ser trasladadas a Mauritania' -> made_amenable MR/CI, MR/GN, MR/BF. Malí y Senegal 'Se mantiene' = cobertura previa -> antecedente. Gambia 'Se excluye' = retirada de cobertura, no es made_amenable (ni requerido ni antecedente). Entrada en vigor de abril de 2027 -> antecedente. 2.870 son traslados pasados -> null.")
