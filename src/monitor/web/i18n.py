"""The web pages in English and Spanish: which language a request gets, and the Spanish text.

The language is, in order: the `hl` query parameter (the visible switch on every page links to
the same page with `hl=en` or `hl=es`, and remembers the choice in a cookie), the `monitor_hl`
cookie, the browser's `Accept-Language` (quality values honoured), else English. Templates
write English and wrap it in `_()`; `SPANISH` is the catalog (a unit test fails when a
template string has no Spanish). The current language lives in a context variable set by
`pages.render()` for the duration of one render, so macros and filters (country names, labels)
read it without being passed it.
"""

from __future__ import annotations

from contextvars import ContextVar

from starlette.requests import Request

__all__ = ["COOKIE", "LANGUAGES", "SPANISH", "choose", "current", "gettext", "reset", "use"]

LANGUAGES = ("en", "es")
COOKIE = "monitor_hl"
_current: ContextVar[str] = ContextVar("monitor_ui_language", default="en")


def _accept_language(header: str) -> str | None:
    best: tuple[float, str] | None = None
    for part in header.split(","):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        quality = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.split("-")[0]
        if primary in LANGUAGES and quality > 0 and (best is None or quality > best[0]):
            best = (quality, primary)
    return best[1] if best else None


def choose(request: Request) -> str:
    """The page language for a request (see the module docstring)."""
    asked = request.query_params.get("hl", "").lower()
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(COOKIE, "").lower()
    if remembered in LANGUAGES:
        return remembered
    return _accept_language(request.headers.get("accept-language", "")) or "en"


def use(language: str) -> object:
    """Make `language` the current one; returns the token to reset it with."""
    return _current.set(language if language in LANGUAGES else "en")


def reset(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]


def current() -> str:
    return _current.get()


def gettext(text: str) -> str:
    """`text` in the current language (English is the key)."""
    return SPANISH.get(text, text) if _current.get() == "es" else text


SPANISH: dict[str, str] = {
    # base.html
    "Skip to content": "Saltar al contenido", "Search": "Buscar", "Timelines": "Cronologías", "Get alerts": "Recibir alertas",
    "API": "API", "Site": "Sitio", "Language": "Idioma",
    "Documents come from news feeds and government releases; findings are detected automatically — check each one "
    "against its source.": "Los documentos provienen de fuentes de noticias y comunicados de gobiernos; los hallazgos "
    "se detectan automáticamente: compruebe cada uno con su fuente.",
    "Asylum Policy Monitor": "Monitor de Políticas de Asilo",
    # search.html
    "Search documents and findings": "Buscar documentos y hallazgos",
    "Words or phrases (English or Spanish)": "Palabras o frases (en inglés o en español)",
    "e.g. \"safe third country\" Guatemala": "p. ej. \"tercer país seguro\" Guatemala",
    "\"quotes\" for a phrase, | for OR, - to exclude a word, * after a word stem.":
        "\"comillas\" para una frase, | para O, - para excluir una palabra, * tras la raíz de una palabra.",
    "Filters": "Filtros", "Any": "Cualquiera", "Published from": "Publicado desde", "Published until": "Publicado hasta",
    "Order": "Orden", "Best match": "Más pertinentes", "Newest first": "Más recientes primero",
    "Only documents about transfer policy": "Solo documentos sobre la política de traslados",
    "Apply filters": "Aplicar filtros", "Clear all filters": "Quitar todos los filtros",
    "document": "documento", "documents": "documentos", "for “{text}”": "para «{text}»",
    "Showing every copy of one syndicated story.": "Se muestran todas las copias de una misma noticia.",
    "Back to all results": "Volver a todos los resultados", "Active filters": "Filtros activos",
    "Remove filter": "Quitar el filtro", "details": "detalles", "Findings in this document": "Hallazgos de este documento",
    "similar copy of this story": "copia similar de esta noticia", "similar copies of this story":
        "copias similares de esta noticia",
    "Nothing found. Try fewer words or remove a filter.": "No se encontró nada. Pruebe con menos palabras o quite un filtro.",
    "Result pages": "Páginas de resultados", "← Previous": "← Anterior", "Page {n}": "Página {n}", "Next →": "Siguiente →",
    "Refine": "Afinar", "Published (by {interval})": "Publicado (por {interval})", "day": "día", "week": "semana",
    "month": "mes", "quarter": "trimestre", "year": "año", "Timeline of findings": "Cronología de hallazgos",
    # labels
    "Made amenable to transfer": "Trasladables", "Agreement signed": "Acuerdo firmado",
    "Agreement in force": "Acuerdo en vigor", "Agreement suspended": "Acuerdo suspendido",
    "Agreement terminated": "Acuerdo terminado", "Receiving country": "País receptor", "Nationality": "Nacionalidad",
    "Finding": "Hallazgo", "Kind of source": "Tipo de fuente", "Source": "Fuente", "Published": "Publicado",
    "News feed": "Fuente de noticias", "Web page listing": "Listado de página web", "Government API": "API de gobierno",
    "English": "Inglés", "Spanish": "Español",
    # _macros.html, timeline.html
    "Transfers to {country} ({code})": "Traslados a {country} ({code})", "date unknown": "fecha desconocida",
    "more source": "fuente más", "more sources": "fuentes más", "source": "fuente", "finding": "hallazgo",
    "No findings yet.": "Aún no hay hallazgos.", "Timelines of findings": "Cronologías de hallazgos",
    "One timeline per receiving country: when each agreement was signed, entered into force, was suspended or "
    "ended, and which nationalities were made amenable to transfer — each with the sentence that supports it and "
    "links to its sources.": "Una cronología por país receptor: cuándo se firmó cada acuerdo, entró en vigor, se "
    "suspendió o terminó, y qué nacionalidades pasaron a ser trasladables, cada una con la frase que lo respalda y "
    "enlaces a sus fuentes.",
    "Agreements": "Acuerdos", "Search documents about {country}": "Buscar documentos sobre {country}",
    # document.html
    "Document": "Documento", "(untitled)": "(sin título)", "unknown": "desconocida", "Authors": "Autores",
    "Original": "Original", "Copies": "Copias", "Other copies of this story": "Otras copias de esta noticia",
    "Findings": "Hallazgos", "(background)": "(antecedente)", "Text": "Texto", "No text was extracted.":
        "No se extrajo texto.", "← Back to search": "← Volver a la búsqueda", "Back to search": "Volver a la búsqueda",
    # finding.html
    "Status": "Estado", "Takes effect": "Entra en vigor", "Comments close": "Cierre de comentarios", "Date": "Fecha",
    "First seen by the monitor": "Visto por primera vez por el monitor", "Evidence": "Evidencia",
    "Sources, by story": "Fuentes, por noticia", "Story {n}": "Noticia {n}", "({n} documents)": "({n} documentos)",
    "government source": "fuente gubernamental", "court": "tribunal", "NGO": "ONG", "news": "noticias",
    "quotes an official": "cita a un funcionario", "recap of the past": "recapitulación del pasado",
    "brief": "resumen",
    "brief: the article could not be read": "resumen: no se pudo leer el artículo",
    "The article could not be read: this is the news feed’s own title and summary.":
        "No se pudo leer el artículo: este es el título y el resumen del propio canal de noticias.",
    "Brief: the article itself could not be read, so this is the news feed’s own title and summary.":
        "Resumen: no se pudo leer el artículo, así que esto es el título y el resumen del propio canal de noticias.",
    "The monitor looks for the article again on every poll for 7 days after it stored the brief.":
        "El monitor vuelve a buscar el artículo en cada consulta durante los 7 días siguientes a guardar el resumen.",
    "Publisher": "Medio", "Publisher’s page": "Página del medio",
    "original": "original", "No stored documents.": "No hay documentos guardados.", "History": "Historial",
    "new": "nuevo", "by": "por", "No recorded transitions.": "Sin transiciones registradas.",
    "Timeline of this agreement": "Cronología de este acuerdo", "held": "retenido", "reported": "publicado",
    "confirmed": "confirmado", "rejected": "rechazado", "retracted": "retirado",
    # subscription.html and its routes
    "Subscribe to alerts": "Suscribirse a las alertas", "Email address": "Correo electrónico",
    "Receiving countries (ISO codes, comma-separated; empty = any)":
        "Países receptores (códigos ISO separados por comas; vacío = cualquiera)",
    "Nationalities (ISO codes, comma-separated; empty = any)":
        "Nacionalidades (códigos ISO separados por comas; vacío = cualquiera)",
    "What to be told about": "Sobre qué avisarle", "Optional words the documents must contain":
        "Palabras (opcionales) que deben contener los documentos", "Delivery": "Envío",
    "one email per finding": "un correo por hallazgo", "one email a day": "un correo al día",
    "When to alert": "Cuándo avisar",
    "on the first report (labelled unconfirmed until a government confirms it)":
        "con la primera noticia (marcada como no confirmada hasta que un gobierno la confirme)",
    "only once a government source confirms it": "solo cuando una fuente gubernamental lo confirme",
    "Language of the emails": "Idioma de los correos", "Subscribe": "Suscribirse",
    "Preview: what would I have received?": "Vista previa: ¿qué habría recibido?",
    "We send a confirmation link first; nothing is stored until you open it.":
        "Primero enviamos un enlace de confirmación; no se guarda nada hasta que lo abra.",
    "Unsubscribe": "Darse de baja", "Would have sent {n} alert in the last 12 months":
        "Se habría enviado {n} alerta en los últimos 12 meses",
    "Would have sent {n} alerts in the last 12 months": "Se habrían enviado {n} alertas en los últimos 12 meses",
    "follow-up": "seguimiento", "… and {n} more.": "… y {n} más.",
    "Since {day}, from the documents already indexed; nothing was sent.":
        "Desde el {day}, con los documentos ya indexados; no se envió nada.",
    "Effective dates and comment deadlines for your filters, as a calendar (iCalendar; keep it secret too):":
        "Fechas de entrada en vigor y plazos de comentarios de sus filtros, como calendario (iCalendar; manténgalo "
        "también en secreto):",
    "Check your inbox": "Revise su bandeja de entrada",
    "We sent a confirmation link to {email}. The subscription starts when you open it (within 7 days).":
        "Enviamos un enlace de confirmación a {email}. La suscripción empieza cuando lo abra (en los próximos 7 días).",
    "We could not send the confirmation email right now; please try again later.":
        "No pudimos enviar el correo de confirmación; inténtelo más tarde.",
    "Confirmation failed": "La confirmación falló", "Subscription confirmed": "Suscripción confirmada",
    "Alerts will go to {email} ({filters}). Your private Atom feed of the same alerts (keep its address secret):":
        "Las alertas irán a {email} ({filters}). Su fuente Atom privada con las mismas alertas (mantenga su dirección "
        "en secreto):",
    "Press the button to stop all alerts to this address.":
        "Pulse el botón para dejar de recibir alertas en esta dirección.",
    "Unsubscribed": "Baja confirmada", "You will receive no more alerts.": "No recibirá más alertas.",
    "This address was not subscribed (any more).": "Esta dirección no estaba (ya) suscrita.",
    "this link is not valid": "este enlace no es válido",
    "this link has expired; subscribe again to get a new one": "este enlace ha caducado; suscríbase de nuevo para "
                                                              "recibir otro",
    # error pages
    "Not found": "No encontrado", "There is no document with this id.": "No hay ningún documento con este identificador.",
    "There is no published finding with this id.": "No hay ningún hallazgo publicado con este identificador.",
    "Cannot search with these filters": "No se puede buscar con estos filtros",
    "Search is unavailable": "La búsqueda no está disponible",
}
