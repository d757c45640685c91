from build import add, page
MA, SI, IF, SU, TE = "made_amenable", "agreement_signed", "agreement_in_force", "agreement_suspended", "agreement_terminated"

# 1 ----------------------------------------------------------------------------------------
add("us-2019-11-first-transfer-guatemala", "txt", "en", "2019-11-22", "news", True, """
WASHINGTON, Nov. 22, 2019 -- The Trump administration on Thursday carried out the first transfer under its asylum deal with Guatemala.

The man, who had crossed into Texas near El Paso and told Border Patrol agents he feared returning home, was put on a commercial flight to Guatemala City in the afternoon, a Homeland Security official said. He is from Honduras, according to two people familiar with the case, and was told he could apply for asylum in Guatemala or go home.

"The first individual has been removed to Guatemala under the Asylum Cooperative Agreement," the official said, speaking on condition of anonymity. "Further removals will follow on a regular basis."

The agreement, signed in July, allows the United States to send asylum seekers who passed through Guatemala to seek protection there instead. Officials said implementation would begin with single adults from Honduras and El Salvador.

Guatemala's migration institute confirmed the arrival late Thursday and said the man had been received at the airport by staff of the International Organization for Migration.

Advocates said the Guatemalan asylum system, which has a handful of officers, could not handle the claims. "Guatemala cannot protect its own people, much less people fleeing the same gangs," said one attorney in El Paso.
""",
    [(MA, "GT", "HN"), (IF, "GT")],
    [(SI, "GT"), (MA, "GT", "SV")],
    1,
    "First transfer to Guatemala under the US-Guatemala ACA; the person's nationality (Honduras) is in a different sentence ('He is from Honduras') from the transfer verb -> made_amenable GT/HN required; first transfer = agreement_in_force GT. 'Implementation would begin with single adults from Honduras and El Salvador' is a stated plan by officials: GT/SV is defensible but nobody Salvadoran is reported transferred yet -> background. The July signing is background. One person transferred.")

# 2 ----------------------------------------------------------------------------------------
add("us-2019-12-salvadoran-mother-guatemala", "html", "en", "2019-12-18", "news", True, page("en", "The Border Ledger",
    "She fled El Salvador for Texas. The U.S. sent her to Guatemala.",
    "By Marisol Ortega, staff writer", "2019-12-18", [
    "GUATEMALA CITY &mdash; Three days after she was flown out of Houston, Ana Beatriz sat on a bunk bed in a church-run shelter here, holding her 6-year-old son and a plastic folder of documents she could not read.",
    "The 27-year-old Salvadoran mother is among the first families the United States has sent to Guatemala under the Asylum Cooperative Agreement, the deal that lets U.S. officials transfer asylum seekers to the Central American country instead of hearing their claims.",
    "&ldquo;They told me I was going to a safe country,&rdquo; she said. &ldquo;Nobody told me it was Guatemala until we were on the plane.&rdquo;",
    "Until this month, the only people transferred under the deal were adult men from Honduras, 24 of whom had arrived since late November. A Department of Homeland Security spokesperson confirmed this week that families from El Salvador are now being processed under the agreement, and that &ldquo;Salvadoran nationals who transited Guatemala&rdquo; may be transferred.",
    "Of the 24 Hondurans, only two have applied for asylum in Guatemala, according to the country's migration institute. The rest returned home.",
    "Ana Beatriz said she would apply. &ldquo;I can't go back to San Miguel,&rdquo; she said.",
    "<figure><img src=\"/img/shelter.jpg\" alt=\"A shelter in Guatemala City\"><figcaption>A shelter in Zone 1, Guatemala City. (Photo: M. Ortega)</figcaption></figure>",
    ], ["Honduran man becomes first person sent to Guatemala under asylum deal", "What is an Asylum Cooperative Agreement?", "Guatemala's asylum office has 6 officers"], kicker="IMMIGRATION"),
    [(MA, "GT", "SV")],
    [(MA, "GT", "HN"), (IF, "GT"), (SI, "GT")],
    None,
    "Single-person story: a Salvadoran mother transferred to Guatemala; DHS confirms 'Salvadoran nationals who transited Guatemala' may be transferred -> made_amenable GT/SV required. Earlier transfers of 24 Honduran men are stated as already-known fact -> GT/HN background, as is the in-force/first-transfer and signing. affected_count null: the 24 refers to the earlier Honduran transfers, not to the change reported.")

# 3 ----------------------------------------------------------------------------------------
add("it-2024-10-albania-first-ship", "html", "en", "2024-10-16", "news", True, page("en", "Adriatic Wire",
    "Italian navy ship docks at Shengjin with first migrants for Albania centres",
    "By Luca Ferrante and Elira Hoxha", "2024-10-16", [
    "SHENGJIN, Albania &mdash; The Italian navy patrol vessel Libra docked at this small northern port shortly after 8 a.m. on Wednesday, ending a two-day crossing from the waters south of Lampedusa.",
    "On board were 16 men. Ten were from Bangladesh and six from Egypt, according to the Italian interior ministry, which said all had been rescued in international waters and screened at sea as adult men from countries Italy considers safe.",
    "They were taken to the reception hub at the port for identification and then by bus to the centre at Gjader, where their asylum applications will be examined under Italy's accelerated border procedure by Italian officials working on Albanian soil.",
    "The arrival marks the start of operations under the protocol Prime Minister Giorgia Meloni signed with her Albanian counterpart Edi Rama in November 2023, which allows Italy to hold up to 3,000 men at a time in the two centres.",
    "&ldquo;This is a new, courageous, unprecedented path,&rdquo; Meloni said in Rome.",
    "Opposition parties called the scheme a costly propaganda exercise. The centres cost an estimated 670 million euros over five years.",
    "<div class=\"ad\">Advertisement</div>",
    "Rights groups said they would monitor whether vulnerable people had been wrongly selected. A judge in Rome is expected to rule on the validation of the detentions within 48 hours.",
    ], ["Explainer: how the Italy-Albania protocol works", "Gjader centre ready after months of delays", "EU commission watching Albania model closely"], kicker="MIGRATION"),
    [(MA, "AL", "BD"), (MA, "AL", "EG"), (IF, "AL")],
    [(SI, "AL")],
    16,
    "Arrival story: the receiving state (Albania) is in the headline and dateline; nationalities are in a separate sentence ('Ten were from Bangladesh and six from Egypt'). Transfers under the Italy-Albania protocol of people whose claims are to be decided there -> made_amenable AL/BD and AL/EG, and operations starting -> agreement_in_force AL. November 2023 signing is background. 16 men transferred.")

# 4 ----------------------------------------------------------------------------------------
add("gb-2022-04-rwanda-partnership-signed", "txt", "en", "2022-04-14", "news", True, """
KIGALI, 14 April 2022

UK signs deal to send some asylum seekers to Rwanda

Home Secretary Priti Patel and Rwanda's foreign minister Vincent Biruta on Thursday signed a Migration and Economic Development Partnership under which people who cross the Channel in small boats or arrive in the UK by other irregular routes may be relocated to Rwanda to have their asylum claims processed there.

The memorandum of understanding, signed at a ceremony in Kigali, comes with an initial payment of 120 million pounds for Rwanda's economic development. Those whose claims succeed would be granted status in Rwanda, not in the UK.

Prime Minister Boris Johnson, speaking in Kent, said the scheme would "save countless lives" by breaking the business model of people smugglers and that it was "uncapped".

The Home Office did not say when the first flight would leave or which nationalities it would target. Officials said the scheme would apply mainly to single men and that decisions would be made case by case.

The UN refugee agency said it "firmly opposed" the arrangement. Labour called it "unworkable, extortionately expensive and unethical".
""",
    [(SI, "RW")], [], None,
    "Lifecycle only: UK-Rwanda MEDP signed -> agreement_signed RW. No nationality is stated as covered ('did not say ... which nationalities'), so no made_amenable event.")

# 5 ----------------------------------------------------------------------------------------
add("gb-2024-07-rwanda-scheme-scrapped", "html", "en", "2024-07-08", "news", True, page("en", "Westminster Daily",
    "Starmer confirms Rwanda scheme is 'dead and buried'",
    "By Political Staff", "2024-07-08", [
    "Sir Keir Starmer has confirmed that the government will not proceed with the Rwanda asylum scheme, saying at his first press conference as prime minister that it was &ldquo;dead and buried before it started&rdquo;.",
    "No flights will take place, and the Home Office has stopped processing cases for relocation to Rwanda. Ministers said the Safety of Rwanda Act would be repealed when parliamentary time allows and that the treaty signed in December 2023 would be terminated.",
    "The Conservative government had signed the original partnership with Kigali in April 2022. The first planned flight, in June 2022, was grounded after an intervention by the European Court of Human Rights, and the Supreme Court ruled the policy unlawful in November 2023.",
    "Only four people went to Rwanda, all voluntarily under a separate paid scheme. The total cost to the taxpayer was about 700 million pounds, according to the new Home Secretary, Yvette Cooper.",
    "The 2,000 or so people who had been identified for possible removal will have their claims processed in the UK.",
    ], ["Timeline: the rise and fall of the Rwanda plan", "What happens to the migrants held for removal?", "Kigali: we kept our side of the bargain"], kicker="POLITICS"),
    [(TE, "RW")],
    [(SI, "RW"), (SU, "RW")],
    2000,
    "Lifecycle only: UK government ends the Rwanda scheme -> agreement_terminated RW (required). Stopped processing could also be read as a suspension -> agreement_suspended RW background. 2022 signing and 2023 treaty are background. No nationality is made amenable. affected_count: about 2,000 people identified for removal whose cases the termination affects.")

# 6 ----------------------------------------------------------------------------------------
add("dk-2026-05-rwanda-first-flight", "txt", "en", "2026-05-12", "news", True, """
Copenhagen Post Online -- 12 May 2026

First asylum seekers flown from Denmark to Rwanda

A chartered plane landed in Kigali at dawn on Tuesday. On board were 41 men from Eritrea and Sudan, the first people sent from Denmark under the asylum agreement the two countries concluded in December.

The men, all of whom had lodged asylum applications in Denmark in the past two months, were escorted by Danish police. Their claims will now be decided by Rwandan authorities at a reception centre outside the capital, and those recognised as refugees will be offered residence in Rwanda.

"We welcomed our brothers from the Horn of Africa this morning and they will be treated with dignity," Rwanda's minister of emergency management told reporters at the airport. Of the 41, 29 are Eritrean and 12 Sudanese, the ministry said.

Denmark's immigration minister said in Copenhagen that further flights would follow "every few weeks" and that "anyone who arrives spontaneously in Denmark must expect to have their case heard in Rwanda".

Denmark first signed a memorandum of understanding with Rwanda in 2021, but the plan was shelved for years while Copenhagen sought partners within the EU.

The Danish Refugee Council called the flight "a dark day for the Refugee Convention".
""",
    [(MA, "RW", "ER"), (MA, "RW", "SD"), (IF, "RW")],
    [(SI, "RW")],
    41,
    "Fictional (2026). First flight Denmark->Rwanda; nationalities are in a following sentence ('On board were 41 men from Eritrea and Sudan') and again in the ministry's breakdown with demonyms -> made_amenable RW/ER and RW/SD; first transfers -> agreement_in_force RW. December signing and 2021 MoU background. 41 transferred.")

# 7 ----------------------------------------------------------------------------------------
add("nl-2026-09-montenegro-scope", "html", "en", "2026-09-15", "government", True, page("en", "Government.nl",
    "Transfer arrangement with Montenegro: scope set for first phase",
    "Press release &middot; Ministry of Asylum and Migration", "2026-09-15", [
    "The Minister for Asylum and Migration has today set the scope of the first phase of the arrangement with Montenegro on the processing of asylum applications, signed in The Hague on 30 March 2026.",
    "With effect from 1 October 2026, the arrangement covers nationals of the Kingdom of Morocco, the People&rsquo;s Democratic Republic of Algeria and the Republic of Tunisia who lodge an application for international protection in the Netherlands after that date and who are not unaccompanied minors.",
    "Their applications will be examined by the Montenegrin authorities in Podgorica. Applicants recognised as in need of protection will receive a residence permit there.",
    "&ldquo;We are starting carefully, with groups for whom the recognition rate in the Netherlands is below 5 percent,&rdquo; the Minister said. &ldquo;The list will be reviewed every six months.&rdquo;",
    "The arrangement itself will enter into force on 1 October 2026, following ratification by the Montenegrin parliament in July.",
    "<h2>Background</h2>",
    "In 2025 the Netherlands received about 1,900 applications from these three nationalities. The arrangement allows for up to 1,000 transfers in the first year.",
    "<p class=\"contact\">Press contact: Directorate of Communication, +31 70 000 0000</p>",
    ], ["Letter to Parliament on the Montenegro arrangement (PDF)", "Questions and answers: asylum processing in a third country", "Asylum Influx figures August 2026"], nav=["Home", "Topics", "News", "Publications", "Contact"]),
    [(MA, "ME", "MA"), (MA, "ME", "DZ"), (MA, "ME", "TN")],
    [(SI, "ME"), (IF, "ME")],
    1000,
    "Fictional (2026). Dutch government sets scope from a later date: 'With effect from 1 October 2026, the arrangement covers nationals of the Kingdom of Morocco, the People's Democratic Republic of Algeria and the Republic of Tunisia' -> dated official decision = made_amenable now for ME/MA, ME/DZ, ME/TN (formal state names). 'Will enter into force on 1 October' is a dated announcement -> agreement_in_force ME background; March signing background. affected_count 1,000 (transfers allowed in first year); the 1,900 is a past statistic. Population code MA = Morocco.")

# 8 ----------------------------------------------------------------------------------------
add("us-2026-10-saint-lucia-eligible-nationalities", "html", "en", "2026-10-05", "government", True, page("en", "U.S. Department of Homeland Security",
    "Fact Sheet: Implementation of the U.S.&ndash;Saint Lucia Asylum Cooperative Agreement",
    "Office of Public Affairs", "2026-10-05", [
    "The Department of Homeland Security (DHS) and the Department of Justice today published the list of populations amenable to transfer under the Asylum Cooperative Agreement signed on August 14, 2026.",
    "<h2>Who is in scope?</h2>",
    "Effective October 19, 2026, non-Saint Lucian nationals who arrive at or between ports of entry on the southern border and express a fear of return may be processed for transfer if they are nationals of a country listed below.",
    """      <table class="scope">
        <tr><th>Nationality</th><th>Status</th></tr>
        <tr><td>Cuba</td><td>In scope</td></tr>
        <tr><td>Venezuela</td><td>In scope</td></tr>
        <tr><td>Colombia</td><td>In scope</td></tr>
        <tr><td>Haiti</td><td>Not in scope</td></tr>
      </table>""",
    "Unaccompanied children and individuals who would face persecution in the partner country are not transferred. An asylum officer will conduct a threshold screening before any transfer.",
    "<h2>What happens after transfer?</h2>",
    "Transferred individuals may seek protection under the laws of the partner country. The Government of Saint Lucia, with support from international organizations, will adjudicate claims.",
    "<p>Last reviewed: October 5, 2026</p>",
    ], ["Asylum Cooperative Agreements: overview", "Federal Register notice (PDF)", "ACA threshold screening guidance"], nav=["Home", "Topics", "News", "Publications", "Contact"]),
    [(MA, "LC", "CU"), (MA, "LC", "VE"), (MA, "LC", "CO")],
    [(SI, "LC")],
    None,
    "Fictional (2026). DHS fact sheet with a table of nationalities 'In scope' from a later effective date; the partner state appears only in the title and at the end ('the Government of Saint Lucia'). Dated official decision -> made_amenable LC/CU, LC/VE, LC/CO required. Haiti is listed 'Not in scope' = denial, no event. The August signing is background.")

# 9 ----------------------------------------------------------------------------------------
add("au-2027-01-timor-leste-processing", "txt", "en", "2027-01-19", "news", True, """
DILI, January 19, 2027 (Pacific Newswire) --

Australia and Timor-Leste sign offshore processing deal

Australia and Timor-Leste on Tuesday signed a regional processing arrangement under which asylum seekers who reach Australia by boat will be sent to Timor-Leste to have their claims assessed.

Australia's Home Affairs Minister and Timor-Leste's Minister of the Interior signed the document at the Government Palace in Dili. Canberra will fund a centre near Suai on the south coast.

From 1 February, Sri Lankan and Iranian nationals who arrive by boat will be transferred to Timor-Leste within 72 hours of being intercepted, the Australian minister said. Vietnamese citizens are also covered from the same date, a department spokeswoman added later.

"Our country will process these claims fairly and in accordance with the Refugee Convention, to which Timor-Leste is a party," the Timorese minister said.

The arrangement is to commence on 1 February. The government expects about 300 transfers in the first year.

The Greens and refugee advocates said the arrangement revived the "cruelty" of the Nauru and Manus Island era, when more than 4,000 people were held offshore between 2012 and 2019.
""",
    [(SI, "TL"), (MA, "TL", "LK"), (MA, "TL", "IR"), (MA, "TL", "VN")],
    [(IF, "TL")],
    300,
    "Fictional (2027). Australia (sending) and Timor-Leste (receiving) sign a processing arrangement -> agreement_signed TL. The minister's dated decision 'From 1 February, Sri Lankan and Iranian nationals ... will be transferred to Timor-Leste' and 'Vietnamese citizens are also covered' -> made_amenable TL/LK, TL/IR, TL/VN (a decided rule with a later date). 'To commence on 1 February' is a dated future entry into force -> background. Nauru/Manus is historical context with no event for a named partner; not labeled. affected_count 300 expected transfers.")

# 10 ---------------------------------------------------------------------------------------
add("gh-2027-05-interior-minister-receives", "html", "en", "2027-05-21", "news", True, page("en", "Accra Chronicle",
    "Interior Minister: 32 asylum seekers from Germany received this week",
    "By Kwame Asante", "2027-05-21", [
    "ACCRA &mdash; The Minister for the Interior has confirmed that Ghana has begun receiving asylum seekers from Germany under the processing arrangement ratified by Parliament in March.",
    "Speaking to journalists at Kotoka International Airport on Thursday, the minister said: &ldquo;Our country received 23 Nigerians and nine Cameroonians this week. They are being accommodated at the Ga East reception facility, and the Ghana Refugee Board will hear their cases within ninety days.&rdquo;",
    "He added that the individuals had all applied for asylum in Germany after arriving there by air and that Germany bears the full cost of their stay.",
    "The German Federal Ministry of the Interior said in Berlin that a second flight was planned for June.",
    "Civil society groups in Accra said they had not been consulted. &ldquo;Ghana should not become Europe&rsquo;s waiting room,&rdquo; said a spokesperson for a coalition of NGOs.",
    "The arrangement, signed in Berlin in February, was the first of its kind between Germany and an African state.",
    ], ["Parliament approves German asylum pact after heated debate", "Who pays? The costs of the Germany deal", "Editorial: A deal Ghana did not need"], kicker="NEWS"),
    [(MA, "GH", "NG"), (MA, "GH", "CM"), (IF, "GH")],
    [(SI, "GH")],
    32,
    "Fictional (2027). Germany (sending) -> Ghana (receiving). The receiving state is given by the speaker's 'Our country' and the dateline/lead; nationalities only in the quote ('23 Nigerians and nine Cameroonians', one numeral spelled out). -> made_amenable GH/NG and GH/CM; transfers have begun -> agreement_in_force GH. February signing is background. 32 transferred.")

# 11 ---------------------------------------------------------------------------------------
add("gb-2028-03-kosovo-list-extended", "txt", "en", "2028-03-09", "government", True, """
Home Office news story
Published 9 March 2028

Kosovo partnership: list of eligible nationalities extended

The list of eligible nationalities under the UK-Kosovo Asylum Processing Partnership now includes Vietnam and Eritrea, the Home Office announced today.

Since the partnership began operating in January, people from Iraq and Iran who entered the UK by small boat have been relocated to the reception centre in Pristina, where their claims are considered by the Kosovan asylum authorities. 214 people have been relocated so far.

From today, Vietnamese and Eritrean nationals who arrive irregularly are also in scope. The first relocation flight to include them is expected before the end of the month.

The Minister for Border Security said: "Extending the partnership to further nationalities shows it is working. Kosovo has been an excellent partner."

Notes to editors
1. The UK-Kosovo Asylum Processing Partnership treaty was signed on 20 October 2027 and entered into force on 8 January 2028.
2. Unaccompanied children are not eligible for relocation.
""",
    [(MA, "XK", "VN"), (MA, "XK", "ER")],
    [(MA, "XK", "IQ"), (MA, "XK", "IR"), (SI, "XK"), (IF, "XK")],
    None,
    "Fictional (2028). UK (sending) -> Kosovo (receiving, code XK). 'The list of eligible nationalities ... now includes Vietnam and Eritrea' and 'Vietnamese and Eritrean nationals ... are also in scope' -> made_amenable XK/VN and XK/ER required. Iraqis and Iranians have been relocated since January (older fact) -> background, as are signing and entry into force from the notes to editors. affected_count null: 214 refers to earlier relocations, not to this change.")

# 12 ---------------------------------------------------------------------------------------
add("us-2027-08-guyana-saint-lucia-expansion", "html", "en", "2027-08-26", "news", True, page("en", "Caribbean Times",
    "U.S. widens two Caribbean asylum deals",
    "By Denise Whitfield, Georgetown", "2027-08-26", [
    "The United States on Wednesday expanded the scope of its asylum agreements with Guyana and Saint Lucia, according to notices published in the Federal Register.",
    "Under the first notice, Ecuadorian and Cuban asylum seekers apprehended at the southern border may be transferred to Guyana, which signed its Asylum Cooperative Agreement with Washington in April. Until now the Guyana agreement had applied only to Brazilians.",
    "The second notice adds Nicaragua to the nationalities covered by the agreement with Saint Lucia. Cubans, Venezuelans and Colombians have been eligible for transfer to Castries since October last year; some 410 people have been sent there.",
    "Both notices take effect on September 1.",
    "Guyana's foreign minister said in Georgetown that his government had &ldquo;agreed to each step&rdquo; and would receive no more than 100 people a month.",
    "A separate agreement with the Dominican Republic, in force since February 2026, is unchanged.",
    "<blockquote>&ldquo;Every few months the list just grows,&rdquo; said an attorney with a legal aid group in Miami.</blockquote>",
    ], ["Guyana signs asylum pact with U.S.", "Saint Lucia's asylum office: one year on", "Map: where the U.S. sends asylum seekers"], kicker="REGION"),
    [(MA, "GY", "EC"), (MA, "GY", "CU"), (MA, "LC", "NI")],
    [(MA, "GY", "BR"), (SI, "GY"), (MA, "LC", "CU"), (MA, "LC", "VE"), (MA, "LC", "CO"), (IF, "DO")],
    None,
    "Fictional (2027). Two agreements in one story: Ecuadorian and Cuban asylum seekers may be transferred to Guyana (GY/EC, GY/CU), and Nicaragua is added to the Saint Lucia agreement (LC/NI; receiving 'Castries' in the next sentence and 'Saint Lucia' in the lead), all effective September 1 -> required. Earlier coverage (Brazilians to Guyana; Cubans, Venezuelans, Colombians to Saint Lucia), the Guyana signing in April and the Dominican agreement in force since 2026 are background. affected_count null (410 is past transfers).")

# 13 ---------------------------------------------------------------------------------------
add("us-2021-02-acas-terminated", "txt", "en", "2021-02-07", "news", True, """
WASHINGTON (Feb. 7, 2021)

Biden administration ends asylum deals with Central America

The United States has suspended and initiated the process to terminate the Asylum Cooperative Agreements with El Salvador, Guatemala and Honduras, Secretary of State Antony Blinken said Saturday.

"The Biden Administration believes that there are more suitable ways to work with our partner governments to manage migration across the region," Blinken said in a statement. The State Department said it had notified the three governments.

The agreements were signed in 2019 under President Donald Trump. Only the one with Guatemala was ever implemented: from November 2019 until March 2020, when the pandemic halted flights, the United States sent 945 Hondurans and Salvadorans to Guatemala. Mexicans had been added to the program in early 2020, though none were transferred before the suspension, according to Human Rights Watch.

The agreements with Honduras and El Salvador never took effect.

The move follows an executive order signed last week directing a review of the agreements.
""",
    [(SU, "GT"), (SU, "SV"), (SU, "HN"), (TE, "GT"), (TE, "SV"), (TE, "HN")],
    [(SI, "GT"), (SI, "SV"), (SI, "HN"), (MA, "GT", "HN"), (MA, "GT", "SV"), (MA, "GT", "MX"), (IF, "GT")],
    None,
    "Lifecycle only: the US 'suspended and initiated the process to terminate' the three ACAs -> agreement_suspended and agreement_terminated for GT, SV, HN. Everything about who was sent earlier (945 Hondurans and Salvadorans, Mexicans added in 2020) is a recap -> background only. affected_count null: 945 describes past transfers, not people affected by the termination.")

# 14 ---------------------------------------------------------------------------------------
add("us-2019-10-honduras-removal-flight", "html", "en", "2019-10-03", "news", False, page("en", "Gulf Coast Observer",
    "ICE charter returns 118 Hondurans to San Pedro Sula",
    "By Tom Reyes", "2019-10-03", [
    "SAN PEDRO SULA, Honduras &mdash; A charter flight operated for U.S. Immigration and Customs Enforcement landed at Ram&oacute;n Villeda Morales airport on Wednesday with 118 Honduran nationals who had been ordered removed by immigration judges.",
    "Most were men who had been detained in Louisiana and Texas. Honduran consular officials and the government's returnee assistance center received them on the tarmac.",
    "The flight was one of several each week. More than 100,000 Hondurans have been deported from the United States and Mexico so far this year, according to the Honduran migration observatory.",
    "The deportations are unrelated to the asylum agreement Honduras signed with the United States last week, under which Honduras could in future be asked to take in asylum seekers from other countries. That agreement has not taken effect, and officials in Tegucigalpa said no date had been set.",
    "Returnees said they had spent between three months and two years in detention.",
    ], ["Honduras signs 'safe third country' type deal with U.S.", "Deportations to Central America hit record", "Inside a returnee reception center"], kicker="IMMIGRATION"),
    [],
    [(SI, "HN")],
    None,
    "Hard negative: removal of Honduran nationals with final orders to their own country (Honduras) is not a transfer under an agreement; no event for HN/HN. The ACA signed 'last week' is mentioned only as background and is explicitly not in effect -> relevant false, agreement_signed HN acceptable as background. 118 is deportees, not affected by an agreement -> null.")

# 15 ---------------------------------------------------------------------------------------
add("dk-2026-11-kosovo-prison-transfers", "txt", "en", "2026-11-04", "news", False, """
GJILAN, Kosovo, 4 November 2026 --

First foreign prisoners moved from Danish jails to Kosovo

Denmark on Tuesday transferred the first 38 inmates to the prison it is renting in Gjilan, eastern Kosovo, under the prison lease treaty the two countries signed in 2022.

All are foreign nationals who are serving sentences in Denmark and who have been ordered expelled after completing them. They include citizens of Morocco, Iraq and Romania, the Danish Prison and Probation Service said. The men will serve the rest of their sentences in Gjilan under Danish law and will then be deported to their countries of origin.

"This is not an asylum arrangement. Nobody here has an asylum case," a Danish official told reporters at the gate.

Denmark pays Kosovo 15 million euros a year for 300 places. Kosovo's justice minister said the money would be invested in its own prison system.

Human rights groups questioned whether Danish standards could be guaranteed abroad.
""",
    [], [], None,
    "Hard negative: prisoner transfer under a prison lease treaty; the people are sentenced foreign nationals due for expulsion to their own countries, and the article states it is not an asylum arrangement. No asylum transfer agreement event; relevant false.")

# 16 ---------------------------------------------------------------------------------------
add("au-2027-06-afghans-not-covered", "html", "en", "2027-06-10", "news", False, page("en", "The Canberra Record",
    "Government rules out sending Afghans to Timor-Leste",
    "By Hannah Lowe, Political reporter", "2027-06-10", [
    "The federal government has rejected a Coalition push to extend the Timor-Leste processing arrangement to Afghan asylum seekers, with the Home Affairs Minister telling Parliament that &ldquo;Afghans are not covered and will not be covered&rdquo;.",
    "Opposition immigration spokesman Dan Carrow moved a motion on Wednesday calling for Afghan and Pakistani boat arrivals to be added to the arrangement, arguing that smugglers had shifted to those nationalities since it began in February.",
    "&ldquo;If they could be sent to Timor-Leste, the boats would stop,&rdquo; Mr Carrow said. The motion was defeated 81 to 62.",
    "The minister said Australia had obligations to Afghans who had worked with the Australian Defence Force and that the government had no plans to change the list.",
    "Since February, 187 people have been transferred to the centre near Suai under the arrangement.",
    ], ["Timor-Leste centre: first 100 days", "Boat arrivals down by a third, department says", "Explainer: who can be sent offshore?"], kicker="POLITICS"),
    [],
    [(IF, "TL")],
    None,
    "Hard negative: a proposal (opposition motion, defeated) to add Afghans and Pakistanis, and a government denial ('Afghans are not covered'). No made_amenable for TL/AF or TL/PK. The arrangement operating since February and the 187 earlier transfers are background only (no nationalities named) -> relevant false; agreement_in_force TL acceptable as background.")

# 17 ---------------------------------------------------------------------------------------
add("it-2028-01-albania-scheme-retrospective", "txt", "en", "2028-01-22", "ngo", False, """
Adriatic Rights Monitor -- Briefing Paper No. 14
Rome, 22 January 2028

THE ALBANIA CENTRES, 2024-2027: WHAT THE NUMBERS SHOW

Summary

The Italy-Albania protocol was terminated by mutual notice on 31 December 2027, and the Gjader and Shengjin centres are now closed. This paper reviews three years of operation.

Key figures

- Total people transferred to Albania: 2,314
- Of whom Bangladeshi: 1,020; Egyptian: 611; Tunisian: 402; Ivorian: 281
- Asylum applications decided in Albania: 1,688
- Returned to Italy after court orders: 903
- Average stay: 19 days

Findings

1. The first transfers, in October 2024, involved 16 men from Bangladesh and Egypt. Courts in Rome ordered most of them brought back to Italy within days.
2. Tunisians and Ivorians were added to the scheme in 2026.
3. The cost per person transferred exceeded 300,000 euros.

Recommendations

We urge the European Commission not to adopt the Albania model as a template for the new Return Regulation.
""",
    [],
    [(SI, "AL"), (IF, "AL"), (TE, "AL"), (MA, "AL", "BD"), (MA, "AL", "EG"), (MA, "AL", "TN"), (MA, "AL", "CI")],
    None,
    "Hard negative: an NGO retrospective published after the scheme had already ended (termination on 31 December 2027 stated as an existing fact, not news of this document). All transfers and additions of nationalities are recap statistics of past facts -> background only (AL/BD, AL/EG, AL/TN, AL/CI, signing, in force, termination); relevant false. No current count.")

# 18 ---------------------------------------------------------------------------------------
add("us-2025-07-honduras-aca-implementation", "txt", "en", "2025-07-21", "government", True, """
DEPARTMENT OF HOMELAND SECURITY
Notice of Implementation: Agreement Between the Government of the United States of America and the Government of the Republic of Honduras for Cooperation in the Examination of Protection Claims
Federal Register, Vol. 90, July 21, 2025

SUMMARY: This notice announces the implementation of the Agreement signed on June 30, 2025. The Agreement applies to non-Honduran nationals seeking protection in the United States.

DATES: This notice is effective upon publication.

SUPPLEMENTARY INFORMATION:

I. Populations amenable to transfer
The Department has determined that, as of the effective date, the following nationalities are amenable to transfer to Honduras under the Agreement:
   (a) nationals of the Republic of Cuba;
   (b) nationals of the Republic of Nicaragua; and
   (c) nationals of the Bolivarian Republic of Venezuela.

II. Exceptions
Unaccompanied alien children and individuals who establish that it is more likely than not that they would be persecuted in Honduras are not subject to transfer.

III. Background
The United States and Honduras concluded an earlier Asylum Cooperative Agreement in September 2019. That agreement never entered into force and was terminated in 2021.
""",
    [(MA, "HN", "CU"), (MA, "HN", "NI"), (MA, "HN", "VE"), (IF, "HN")],
    [(SI, "HN"), (TE, "HN")],
    None,
    "Fictional (2025). Federal Register notice, effective upon publication: nationals of the Republic of Cuba, the Republic of Nicaragua and the Bolivarian Republic of Venezuela (formal names in a lettered list) are amenable to transfer to Honduras -> made_amenable HN/CU, HN/NI, HN/VE required; implementation effective now -> agreement_in_force HN. The June 30 signing and the 2019 agreement / 2021 termination are background.")
