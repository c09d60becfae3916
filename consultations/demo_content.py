"""The consultation programme's demo texts: the people who run and review it, two calls, twelve member cities'
applications to the closed call with their reviews and decisions, and the record of two projects.

Everything here is demonstration content about real member cities: the cities' problems are real in kind, the
applications, people, scores and reports are written for the demo. ``consultations.demo`` turns it into rows
through the programme's own services.

Formats:
- a review is (reviewer's email, four scores in the order of ``CLOSED_CALL["criteria"]``, four comments on the
  criteria, possibly empty, and an overall comment);
- an application's ``submitted`` is how many days before the call closed the city submitted it;
- a milestone is (kind, days from the project's start to its due date, days from its due date to when it was done
  or None, note, deliverable title and its paragraphs or None).
"""

from members.demo import SECRETARIAT, DemoPerson

# --- People --------------------------------------------------------------------------------------------------

SECRETARY = "programme@wego-hub.example"
SECOND_CONSULTANT = "samuel.okafor@wego-hub.example"

# fmt: off
SECRETARIAT_PEOPLE = [
    DemoPerson(SECRETARY, "Soo-jin Yoon", "Consultation programme manager", "user", SECRETARIAT, "staff"),
]

# Partner experts: in the "Consultation reviewers" group and nothing else (no city, no admin).
REVIEWERS = [
    DemoPerson("ayesha.rahman@climate-adaptation.example", "Ayesha Rahman", "Urban climate adaptation specialist"),
    DemoPerson("tomas.herrera@andes-water.example", "Tomás Herrera", "Hydrologist, flood forecasting"),
    DemoPerson("ingrid.solberg@nordic-govlab.example", "Ingrid Solberg", "Adviser on digital public services"),
    DemoPerson("kwame.mensah@urban-futures.example", "Kwame Mensah", "Urban resilience planner"),
    DemoPerson("yuki.tanaka@drr-data.example", "Yuki Tanaka", "Disaster-risk information systems engineer"),
]

CONSULTANTS = [
    DemoPerson(SECOND_CONSULTANT, "Samuel Okafor", "Climate-risk consultant", "consultant"),
]

# The applicant cities' focal points. Curitiba, Dakar and Hamburg already have theirs (members.demo).
FOCAL_POINTS = [
    DemoPerson("lan.nguyen@da-nang.city.example", "Nguyen Thi Lan",
               "Deputy director, Department of Information and Communications", "user",
               "da-nang-peoples-committee", "focal_point"),
    DemoPerson("nino.beridze@tbilisi.city.example", "Nino Beridze", "Head of digital services", "user",
               "tbilisi-city-hall", "focal_point"),
    DemoPerson("aline.uwase@kigali.city.example", "Aline Uwase", "GIS and urban planning officer", "user",
               "city-of-kigali", "focal_point"),
    DemoPerson("ines.carvalho@lisbon.city.example", "Inês Carvalho", "Climate adaptation officer", "user",
               "city-of-lisbon", "focal_point"),
    DemoPerson("rana.almasri@amman.city.example", "Rana Al-Masri", "Director of smart city programmes", "user",
               "amman-greater-municipality", "focal_point"),
    DemoPerson("andres.paredes@quito.city.example", "Andrés Paredes", "Risk management analyst", "user",
               "metropolitan-district-of-quito", "focal_point"),
    DemoPerson("sabina.shrestha@kathmandu.city.example", "Sabina Shrestha", "IT officer", "user",
               "kathmandu-metropolitan-city", "focal_point"),
    DemoPerson("youssef.benali@casablanca.city.example", "Youssef Benali", "Head of the parks and green spaces division",
               "user", "commune-of-casablanca", "focal_point"),
    DemoPerson("litia.naivalu@suva.city.example", "Litia Naivalu", "Drainage engineer", "user", "suva-city-council",
               "focal_point"),
]
# fmt: on

AYESHA, TOMAS, INGRID, KWAME, YUKI = (person.email for person in REVIEWERS)

# --- The programme page --------------------------------------------------------------------------------------

PROGRAMME_TITLE = "Consultation programme"
PROGRAMME_INTRO = (
    "Each year member cities apply for a feasibility study or a pilot project carried out with the association's "
    "consultants. A panel of partner experts scores the applications, and every finished study is published in "
    "the case library."
)

# --- The closed call -----------------------------------------------------------------------------------------

CLOSED_CALL = {
    "slug": "feasibility-studies-climate-resilient-city-services",
    "title": "{year} feasibility studies: climate-resilient city services",
    "summary": (
        "Three member cities get a feasibility study by the association's consultants: how a city service can keep "
        "residents safe from floods, storms and heat, what it would cost and who would run it."
    ),
    "kind": "feasibility_study",
    "awards": 3,
    "topics": ["urban-resilience", "e-government"],
    "criteria": [
        (
            "Climate risk and need",
            "How serious the risk is to residents and to the city's services, and how well the application shows it "
            "(events, figures, who is exposed).",
            3,
        ),
        (
            "Readiness",
            "Whether the city can take part: a lead department, data to start from, staff for the site visit, and "
            "decision-makers who will act on the study.",
            2,
        ),
        (
            "Expected impact",
            "Who would be safer or better served if the city acted on the study, how many people, and how soon.",
            3,
        ),
        (
            "Value for other member cities",
            "Whether the method, the data model or the results could be re-used by cities facing the same risk.",
            2,
        ),
    ],
    "questions": [
        ("Which department leads the study, and which others take part?", "long_text", "", True),
        (
            "What data can the study start from?",
            "choice",
            "Monitoring or sensor data the city already collects\n"
            "Maps and records, partly digital\n"
            "Little or none: gathering data is part of the study",
            True,
        ),
    ],
    "guidance_document": (
        "Guidance for applicants: climate-resilient city services",
        [
            "This call offers member cities a feasibility study of a city service that protects residents from "
            "floods, storms, landslides or heat: an early warning, a risk check in a permit, a way of reaching "
            "the people most exposed.",
            "What the programme pays for: up to 45 consultant-days, a site visit of three to five days, and the "
            "translation of the final report into the city's language. It does not pay for equipment, software "
            "licences, construction or city staff time.",
            "Timetable: inception within a month of the award, site visit in the second or third month, draft "
            "report in the fourth, final report within six months.",
            "Assessment: three partner experts score each eligible application against four weighted criteria. "
            "The secretariat decides on the basis of the ranked scores and tells each city why.",
            "After the study: the final report becomes a case in the WeGo Hub case library, signed off by the city.",
        ],
    ),
    "body": [
        ("heading", "What this call offers"),
        (
            "paragraph",
            "<p>Storms, floods and heatwaves now stop city services several times a year in many member cities. "
            "This call offers three cities a <strong>feasibility study</strong> of a service that would keep "
            "residents safe: an early warning that reaches the right streets in time, a flood-risk check built into "
            "building permits, a way to find and call the people most at risk during a heatwave.</p>"
            "<p>The association's consultants work with the city for about six months. The study says what the "
            "service would do, what data it needs, what it would cost to build and to run, who would run it, and "
            "what to do first.</p>",
        ),
        ("heading", "What the programme pays for, and what it does not"),
        (
            "paragraph",
            "<ul><li>Up to 45 consultant-days, including a site visit of three to five days.</li>"
            "<li>Translation of the final report into the city's language.</li>"
            "<li>Not equipment, software licences, construction or city staff time: a study, not a purchase.</li>"
            "</ul>",
        ),
        ("heading", "Who may apply"),
        (
            "paragraph",
            "<p>Active member cities of every region, one application per city. The city's focal point starts the "
            "application on WeGo Hub and may invite colleagues to write it with them; only the focal point "
            "submits.</p>",
        ),
        ("heading", "How applications are assessed"),
        (
            "paragraph",
            "<p>The secretariat first checks that the application is eligible. Three partner experts then score "
            "each eligible application from 1 to 5 against the four criteria below, with their weights. No expert "
            "reviews an application from their own city, and any expert who knows a city's team too closely steps "
            "back. The secretariat decides on the basis of the ranked scores and writes to every city with the "
            "reasons.</p>",
        ),
        (
            "callout",
            "After the study",
            "<p>The final report becomes a case in the case library, with the city's sign-off, so that other member "
            "cities can learn from it.</p>",
        ),
    ],
}

# --- The twelve applications to the closed call --------------------------------------------------------------
# By organisation slug. The answers follow the call's two questions, in order.

APPLICATIONS = [
    {
        "city": "da-nang-peoples-committee",
        "title": "Typhoon and flood early warning for Da Nang's low-lying wards",
        "submitted": 9,
        "challenge": (
            "Da Nang lies on the path of the typhoons that cross Viet Nam's central coast every autumn. In October "
            "2022 a single night of rain flooded dozens of residential areas in Hai Chau, Thanh Khe and Lien Chieu; "
            "many residents learned that the water was rising from their neighbours, not from the city.\n\n"
            "The city runs a Smart City Operations Centre and 40 automatic rain gauges, but water levels in the "
            "drainage channels are still read by hand, and warnings go out by ward loudspeakers and phone calls "
            "from ward officials. Older residents and people renting rooms are the last to hear."
        ),
        "objectives": (
            "A ward-level flood warning that reaches residents within 15 minutes of a drainage channel crossing its "
            "threshold.\n\n"
            "The study should say where to place 60 to 80 water-level sensors in channels and low points, how "
            "readings reach the operations centre, how warnings reach residents by Zalo, SMS and ward loudspeakers, "
            "and which thresholds to use, agreed with the hydro-meteorological station. It should cost the options "
            "and say who operates them."
        ),
        "expected_outcomes": (
            "A costed design the People's Committee can put in next year's budget; a warning protocol agreed with ward "
            "officials; a list of vulnerable households to reach first; and a method other coastal member cities can "
            "re-use."
        ),
        "partners": [
            "Da Nang Department of Information and Communications",
            "Mid-Central Regional Hydro-Meteorological Station",
            "University of Science and Technology, The University of Da Nang",
            "VNPT Da Nang",
        ],
        "answers": [
            "The Department of Information and Communications leads, through the Smart City Operations Centre. The "
            "Department of Construction (drainage), the city's Steering Committee for Natural Disaster Prevention and "
            "the People's Committees of four wards take part.",
            "Monitoring or sensor data the city already collects",
        ],
        "attachment": (
            "Flood points reported in October 2022",
            [
                "Flood points reported by ward officials on the night of 14 October 2022, by ward.",
                "Hai Chau: 21 points, deepest 0.8 m at the Hoang Dieu underpass.",
                "Thanh Khe: 17 points, mostly along the Phu Loc channel.",
                "Lien Chieu: 26 points, including the approach to the Hoa Khanh industrial zone.",
            ],
        ),
    },
    {
        "city": "tbilisi-city-hall",
        "title": "Flash-flood and debris-flow warnings for the Vere and Dighomi valleys",
        "submitted": 3,
        "challenge": (
            "In June 2015 a landslide above the Vere river dammed the valley and a flash flood ran through the zoo "
            "and the Vake and Saburtalo districts; more than twenty people died. Since then the city has cleared "
            "channels and built retention works, but warnings still rely on the national regional forecast, which "
            "cannot say which street will flood in the next hour.\n\n"
            "Summer cloudbursts over the hills around Tbilisi are becoming more frequent, and new housing keeps "
            "climbing the valley slopes."
        ),
        "objectives": (
            "A warning service for the Vere and Dighomi valleys that gives the Emergency Management Service at least "
            "30 minutes to close roads and warn residents.\n\n"
            "The study should look at rain and river gauges upstream, movement sensors at the three known landslide "
            "sites, thresholds for alerts, and messages to residents and to drivers on the Heroes' Square "
            "interchange; and compare a service the city runs itself with one bought from the National Environmental "
            "Agency."
        ),
        "expected_outcomes": (
            "A design with costs and an operating model; thresholds calibrated on the 2015 event and the 2023 "
            "storms; a short list of roads to close automatically; a decision paper for the City Council."
        ),
        "partners": [
            "Tbilisi City Hall Emergency Management Service",
            "National Environmental Agency of Georgia",
            "Ivane Javakhishvili Tbilisi State University, Vakhushti Bagrationi Institute of Geography",
            "Tbilisi Transport Company",
        ],
        "answers": [
            "The Digital Services Department leads with the Emergency Management Service. The Urban Services "
            "Department (drainage and river works) and the Vake and Saburtalo district administrations take part.",
            "Maps and records, partly digital",
        ],
        "attachment": (
            "The Vere valley flood of June 2015: a summary",
            [
                "Rainfall: about 100 mm in three hours over the upper Vere catchment, on saturated ground.",
                "A landslide of about one million cubic metres near Akhaldaba blocked the river; the debris dam "
                "failed within the hour.",
                "The flood destroyed the Vere valley road, parts of the Tbilisi Zoo and houses in the lower valley.",
            ],
        ),
    },
    {
        "city": "city-of-kigali",
        "title": "Flood-risk checks in Kigali's online building permits",
        "submitted": 12,
        "challenge": (
            "Kigali's rain falls on steep hills and drains into wetlands that the city has been restoring since "
            "2022. Each rainy season, houses built in the paths of runoff and on wetland edges are flooded, and "
            "families in high-risk zones have had to be moved at public cost.\n\n"
            "The city's flood-risk map exists as a GIS layer kept by the planners of the One Stop Centre, but the "
            "online building permit system (BPMIS) does not check applications against it. A permit can be granted "
            "for a plot that the map shows at high risk."
        ),
        "objectives": (
            "Every building permit application checked automatically against the flood-risk layer and the wetland "
            "buffers, with clear conditions for plots at medium risk.\n\n"
            "The study should say what data must be updated, how often and by whom; what conditions to set (raised "
            "floors, rainwater tanks, permeable surfaces); and what the applicant sees in BPMIS."
        ),
        "expected_outcomes": (
            "A specification the permit system's developers can build from; rules agreed with the One Stop Centre "
            "and the Rwanda Water Resources Board; an estimate of how many permits a year would change; a plan to "
            "update the risk layer after each rainy season."
        ),
        "partners": [
            "City of Kigali One Stop Centre",
            "Rwanda Water Resources Board",
            "Rwanda Housing Authority",
            "University of Rwanda, College of Science and Technology",
        ],
        "answers": [
            "The City Planning and Development Department leads with the One Stop Centre. The ICT unit and the "
            "Environment Department take part.",
            "Maps and records, partly digital",
        ],
        "attachment": (
            "Flood-risk zoning in Kigali: an extract",
            [
                "High risk: wetlands and their 20-metre buffers, and slopes above 50 per cent. No new building.",
                "Medium risk: valley floors and runoff paths outside wetlands. Building with conditions.",
                "The layer was last updated after the May 2023 floods.",
            ],
        ),
    },
    {
        "city": "dakar-city-hall",
        "title": "Residents' flood reports to plan drain cleaning in Dakar",
        "submitted": 1,
        "challenge": (
            "From July to October, streets in the Médina, Grand Yoff and Parcelles Assainies flood after every heavy "
            "storm, and water stands for days in the lowest blocks. Blocked drains are a main cause: sand and waste "
            "fill the channels between cleanings, which follow a fixed calendar rather than where the water "
            "stands.\n\n"
            "Residents report flooding in WhatsApp groups and to their commune, but these reports never reach the "
            "teams that clean the drains, and nobody can say which drains block most often."
        ),
        "objectives": (
            "A simple way for residents and commune agents to report standing water and blocked drains, by USSD, "
            "WhatsApp and a web form, that reaches the teams who clean them.\n\n"
            "The study should say how reports are checked and passed to ONAS and the city's sanitation teams, who "
            "answers which report, and how three rainy seasons of reports could set the cleaning schedule."
        ),
        "expected_outcomes": (
            "A service design and its cost; an agreement on who answers which report; a data model shared with ONAS; "
            "a pilot plan for three communes for the next rainy season."
        ),
        "partners": [
            "Office National de l'Assainissement du Sénégal (ONAS)",
            "SONAGED, the national waste management company",
            "Cheikh Anta Diop University, Polytechnic School",
            "Jokkolabs Dakar",
        ],
        "answers": [
            "The Digital Services Directorate leads with the Directorate of Sanitation and Hygiene. The mayors' "
            "offices of the Médina, Grand Yoff and Parcelles Assainies take part.",
            "Little or none: gathering data is part of the study",
        ],
    },
    {
        "city": "city-of-lisbon",
        "title": "Heat-health alerts that reach older residents living alone",
        "submitted": 5,
        "challenge": (
            "Lisbon's summers are getting hotter: the July 2022 heatwave brought temperatures above 40 °C and excess "
            "deaths among people over 75. Tens of thousands of older residents live alone, many in old buildings in "
            "Alfama, Mouraria and Graça with no air conditioning.\n\n"
            "IPMA issues heat warnings and the city opens cooled spaces, but the warnings go to everyone. Parish "
            "councils and social services keep their own lists of people to call, on paper and in spreadsheets, "
            "and nobody knows who was reached."
        ),
        "objectives": (
            "Every older resident at risk who has agreed to it gets a call or a visit within 24 hours of a heat "
            "warning.\n\n"
            "The study should design a shared, consented register across the 24 parish councils, automatic calls or "
            "text messages with a human follow-up, and a record of who was reached; and say what data protection "
            "law allows and how to keep the register up to date."
        ),
        "expected_outcomes": (
            "A service design with its data protection impact assessment; roles for the parish councils and Santa "
            "Casa da Misericórdia; running costs; and measures to judge it by, such as people reached within 24 "
            "hours of a warning."
        ),
        "partners": [
            "Santa Casa da Misericórdia de Lisboa",
            "Instituto Português do Mar e da Atmosfera (IPMA)",
            "Lisbon's 24 parish councils",
            "NOVA University Lisbon, National School of Public Health",
        ],
        "answers": [
            "The Climate Action Unit leads with the Social Rights Department. The Municipal Civil Protection Service "
            "and the parish councils take part.",
            "Maps and records, partly digital",
        ],
        "attachment": (
            "Heat-related calls to parish councils, summer 2024",
            [
                "Calls logged by eight parish councils between 1 July and 31 August 2024.",
                "1,140 calls about heat, of which 62 per cent from or about people over 75 living alone.",
                "Peak: 212 calls in the three days after the IPMA red warning of 24 July.",
            ],
        ),
    },
    {
        "city": "municipality-of-curitiba",
        "title": "Street-level flood warnings for the Belém and Barigui basins, linked to the 156 service",
        "submitted": 7,
        "challenge": (
            "Curitiba's rivers rise fast after summer storms. The Belém crosses the city centre in channels and "
            "culverts that overflow within an hour of heavy rain, and the Barigui floods parks and houses along its "
            "banks.\n\n"
            "Civil Defence follows rain and river stations with Simepar and sends warnings through the national SMS "
            "service, but riverside residents receive the same warning as the whole metropolitan region. Calls to "
            "156, the city's service line, about flooding are logged but never compared with river levels."
        ),
        "objectives": (
            "Warnings for the street blocks that will actually flood, and a drainage works programme set by where "
            "floods happen.\n\n"
            "The study should show how to join Simepar's river levels with the 156 service's flood reports in real "
            "time, draw warning areas at street-block level, and use the records to rank culverts and channels for "
            "the works programme."
        ),
        "expected_outcomes": (
            "A data architecture joining the city's open data platform, Simepar and 156; warning areas at "
            "street-block level for both basins; a ranked list of culverts and channels for the works programme."
        ),
        "partners": [
            "Municipal Civil Defence of Curitiba",
            "Simepar, the Paraná meteorological system",
            "Instituto das Cidades Inteligentes (ICI)",
            "Federal University of Technology – Paraná (UTFPR)",
        ],
        "answers": [
            "The open data team of the Municipal Secretariat of Planning leads with Municipal Civil Defence. The 156 "
            "service (ICI) and the Secretariat of Public Works take part.",
            "Monitoring or sensor data the city already collects",
        ],
    },
    {
        "city": "amman-greater-municipality",
        "title": "Flash-flood alerts for downtown Amman",
        "submitted": 2,
        "challenge": (
            "Downtown Amman lies in the valley where the wadis of the surrounding hills meet. Twice in the last "
            "decade, winter storms have turned the streets of the old downtown into rivers in less than an hour, "
            "flooding shops along King Faisal Street and trapping cars.\n\n"
            "Warnings come from the national weather forecast for the whole governorate. Shopkeepers and traffic "
            "police have no way to know, 30 minutes ahead, that water is coming down a given wadi."
        ),
        "objectives": (
            "Alerts that give shopkeepers, traffic police and the Civil Defence 30 to 60 minutes to act before "
            "water reaches the downtown streets.\n\n"
            "The study should look at rain gauges and cameras in the wadis upstream, a model of street flooding, and "
            "the chain from alert to street closure."
        ),
        "expected_outcomes": (
            "A sensor layout and warning model with costs; an agreed chain from alert to street closure; evacuation "
            "routes for the market streets."
        ),
        "partners": [
            "Jordan Meteorological Department",
            "Civil Defence Directorate",
            "University of Jordan, Water, Energy and Environment Center",
            "Ministry of Water and Irrigation",
        ],
        "answers": [
            "The Smart City Department leads with the Roads and Drainage Department. The municipality's emergency "
            "unit and the Downtown district office take part.",
            "Little or none: gathering data is part of the study",
        ],
    },
    {
        "city": "metropolitan-district-of-quito",
        "title": "Monitoring the ravines of the Pichincha slopes",
        "submitted": 4,
        "challenge": (
            "In January 2022 a mudflow came down the La Gasca ravine after a night of heavy rain and killed 28 "
            "people in La Gasca and La Comuna. Dozens of other ravines run from the Pichincha volcano through dense "
            "neighbourhoods, many partly filled with rubble or built over.\n\n"
            "The city keeps an inventory of the ravines but monitors none of them continuously; warnings depend on "
            "community leaders' WhatsApp groups."
        ),
        "objectives": (
            "Continuous monitoring of the ravines that threaten the most people, with alerts to ECU 911 and the "
            "community brigades.\n\n"
            "The study should rank the inventoried ravines by risk, choose low-cost sensors (rain gauges, flow and "
            "debris sensors, cameras) for the first ten, and write the alert protocol."
        ),
        "expected_outcomes": (
            "A ranking of ravines by risk; a monitoring design and costs for the first ten; a protocol agreed with "
            "ECU 911 and the community brigades."
        ),
        "partners": [
            "Metropolitan Directorate of Risk Management",
            "ECU 911 Integrated Security Service",
            "Escuela Politécnica Nacional, Geophysical Institute",
            "EPMAPS, Quito's water and sanitation company",
        ],
        "answers": [
            "The Secretariat of Security and Governance leads, with the Metropolitan Directorate of Risk Management. "
            "EPMAPS and the Secretariat of Territory, Habitat and Housing take part.",
            "Maps and records, partly digital",
        ],
    },
    {
        "city": "free-and-hanseatic-city-of-hamburg",
        "title": "Heavy-rain hazard data for Hamburg's district offices",
        "submitted": 10,
        "challenge": (
            "Hamburg's storm surge defences are strong; heavy rain is the weaker flank. Cloudbursts in recent "
            "summers flooded basements, underpasses and school grounds in Wandsbek and Harburg, far from the "
            "Elbe.\n\n"
            "The city has published a heavy-rain hazard map, and Hamburg Wasser measures levels in parts of the "
            "sewer network, but the seven district offices, which approve building plans and manage local roads, "
            "use neither in their daily work."
        ),
        "objectives": (
            "District offices that use heavy-rain data when they approve building plans, plan road works and warn "
            "the caretakers of schools and underpasses.\n\n"
            "The study should map what the district offices need, agree data sharing with Hamburg Wasser, and "
            "specify a dashboard for two pilot districts."
        ),
        "expected_outcomes": (
            "The user needs of the district offices; a data-sharing agreement with Hamburg Wasser; a dashboard "
            "specification for Wandsbek and Harburg."
        ),
        "partners": [
            "Hamburg Wasser",
            "Ministry for Environment, Climate, Energy and Agriculture (BUKEA)",
            "Agency for Geoinformation and Surveying (LGV)",
            "HafenCity University Hamburg",
        ],
        "answers": [
            "The Office for IT and Digitalisation of the Senate Chancellery leads with BUKEA. The Wandsbek and "
            "Harburg district offices take part as pilots.",
            "Monitoring or sensor data the city already collects",
        ],
    },
    {
        "city": "kathmandu-metropolitan-city",
        "title": "Monsoon flood alerts along the Bagmati and Bishnumati",
        "submitted": 6,
        "challenge": (
            "Each monsoon, the Bagmati and Bishnumati and their tributaries overflow into the settlements along "
            "their banks, and low streets near Teku and Balkhu flood for hours. Riverside informal settlements are "
            "hit first.\n\n"
            "The Department of Hydrology and Meteorology runs river stations upstream and community volunteers "
            "pass on warnings by phone, but the metropolitan city's emergency operations centre and its 32 ward "
            "offices have no shared picture during a storm."
        ),
        "objectives": (
            "A shared flood picture for the emergency operations centre and the ward offices, and text-message "
            "alerts to riverside households.\n\n"
            "The study should design a dashboard fed by the national river stations and by ward reports, and the "
            "alerts that follow from it."
        ),
        "expected_outcomes": (
            "A design and budget; roles for the ward offices; a list of riverside households and shelters."
        ),
        "partners": [
            "Department of Hydrology and Meteorology",
            "Kathmandu Metropolitan City Disaster Management Section",
            "Tribhuvan University, Central Department of Environmental Science",
            "Nepal Red Cross Society, Kathmandu district chapter",
        ],
        "answers": [
            "The IT section leads with the Disaster Management Section. The ward offices along the Bagmati take part.",
            "Little or none: gathering data is part of the study",
        ],
    },
    {
        "city": "commune-of-casablanca",
        "title": "Drought-proof watering of Casablanca's parks",
        "submitted": 8,
        "challenge": (
            "After several dry years in a row, Morocco restricted the watering of parks and green spaces with "
            "drinking water. Casablanca's parks and tree-lined avenues, the city's main shade in summer, are "
            "drying out, and the city has lost trees along several boulevards.\n\n"
            "Gardeners water by hand or on fixed timers, whatever the weather, and the treated wastewater that "
            "could replace drinking water does not reach most parks."
        ),
        "objectives": (
            "Parks and avenues watered only when and where the soil needs it, with treated wastewater wherever "
            "possible.\n\n"
            "The study should look at soil-moisture sensors and weather-based controllers for the main parks, and "
            "at the network needed to bring treated wastewater to them."
        ),
        "expected_outcomes": (
            "A plan and costs for smart controllers in the ten largest parks; an outline of the treated-wastewater "
            "network; an estimate of the drinking water saved."
        ),
        "partners": [
            "SRM Casablanca-Settat, the regional water and electricity company",
            "Casa Baia, the city's development company",
            "Hassan II University of Casablanca, Faculty of Sciences Ain Chock",
        ],
        "answers": [
            "The Parks and Green Spaces Division leads with the IT Division.",
            "Little or none: gathering data is part of the study",
        ],
    },
    {
        "city": "suva-city-council",
        "title": "Tide gauges and a drainage control room for Suva's foreshore",
        "submitted": 1,
        "challenge": (
            "King tides and heavy rain now come together several times a year, and the drains of Suva's central "
            "business district back up because their outlets are under water. Shops along Victoria Parade and the "
            "market area flood even without a cyclone.\n\n"
            "The council's engineers have no readings of tide or drain levels: they learn of flooding from "
            "shopkeepers' calls."
        ),
        "objectives": (
            "Buy and install twelve tide and water-level gauges along the foreshore and in the main drains, a "
            "control room at the Civic Centre with two screens, and a three-year maintenance contract."
        ),
        "expected_outcomes": (
            "Real-time tide and drain levels for the council's engineers; warnings to shopkeepers before high "
            "tides; a record to plan drain works."
        ),
        "partners": [
            "Fiji Meteorological Service",
            "Ministry of Local Government",
            "The University of the South Pacific, School of Geography, Earth Science and Environment",
        ],
        "answers": [
            "The Engineering Services Department leads.",
            "Little or none: gathering data is part of the study",
        ],
    },
]

INELIGIBLE = {
    "suva-city-council": (
        "The application asks the programme to buy and install gauges, a control room and a maintenance contract. "
        "This call pays for consultants' time on a feasibility study, not for equipment, so we cannot consider it. "
        "A study of where gauges are needed and how the council would run them would be eligible. Please talk to "
        "the secretariat about the next call: pilot projects can include equipment."
    ),
}

# The secretariat assigned these reviewers, in this order. Quito's first reviewer stepped back (CONFLICTS).
ASSIGNMENTS = {
    "da-nang-peoples-committee": [AYESHA, INGRID, YUKI],
    "tbilisi-city-hall": [TOMAS, KWAME, YUKI],
    "city-of-kigali": [AYESHA, INGRID, KWAME],
    "dakar-city-hall": [TOMAS, INGRID, KWAME],
    "city-of-lisbon": [AYESHA, INGRID, YUKI],
    "municipality-of-curitiba": [TOMAS, INGRID, YUKI],
    "amman-greater-municipality": [AYESHA, TOMAS, KWAME],
    "metropolitan-district-of-quito": [TOMAS, AYESHA, KWAME, YUKI],
    "free-and-hanseatic-city-of-hamburg": [INGRID, KWAME, YUKI],
    "kathmandu-metropolitan-city": [AYESHA, TOMAS, YUKI],
    "commune-of-casablanca": [AYESHA, TOMAS, KWAME],
}

CONFLICTS = {
    ("metropolitan-district-of-quito", TOMAS): (
        "I advised the Escuela Politécnica Nacional on Quito's ravine inventory in 2023 and 2024, and I know the "
        "city's risk team well. Please ask another reviewer."
    ),
}

# (reviewer, (need, readiness, impact, value for others), (comments on each), overall comment)
REVIEWS = {
    "da-nang-peoples-committee": [
        (
            AYESHA,
            (5, 4, 5, 4),
            (
                "The October 2022 floods are well documented, and the application names the wards and who is exposed.",
                "The operations centre and rain gauges are a real head start; the drainage department's role could "
                "be clearer.",
                "Reaching renters and older residents is exactly where warnings fail; the 15-minute target is "
                "ambitious but right.",
                "",
            ),
            "A strong, focused application with a clear problem and a city ready to act. Fund it.",
        ),
        (
            INGRID,
            (5, 5, 4, 5),
            (
                "",
                "An operations centre already running, a named lead and four wards on board: very ready.",
                "Impact depends on residents trusting the channels; the study should test messages with them.",
                "Zalo, SMS and loudspeakers together is a pattern many member cities could copy.",
            ),
            "Well prepared and realistic. I would ask the consultants to include the ward officials in the design "
            "from the first week.",
        ),
        (
            YUKI,
            (4, 4, 5, 5),
            (
                "Need is clear, though the application could give rainfall figures rather than a description.",
                "",
                "A working ward-level warning would protect tens of thousands of people every typhoon season.",
                "Coastal cities in the region face the same problem; a shared sensor and threshold method would "
                "travel well.",
            ),
            "Good fit for the call. Thresholds are the hard part: make sure the hydro-meteorological station is a "
            "real partner, not a name on a list.",
        ),
    ],
    "tbilisi-city-hall": [
        (
            TOMAS,
            (5, 4, 5, 3),
            (
                "The 2015 disaster shows the stakes; debris flows in steep urban valleys are among the deadliest "
                "hazards.",
                "The city's records of the 2015 event are a good start for calibration.",
                "Half an hour of warning on that road would save lives.",
                "Debris-flow warning depends heavily on local geology; only part of the method will transfer.",
            ),
            "A serious, well-argued application. The comparison with the national agency's service is wise.",
        ),
        (
            KWAME,
            (5, 3, 4, 4),
            (
                "",
                "Most data is still on paper, and two district administrations plus three departments is a lot to "
                "coordinate in six months.",
                "",
                "",
            ),
            "Important and fundable. The study should keep the operating model simple enough for the Emergency "
            "Management Service to run at night and at weekends.",
        ),
        (
            YUKI,
            (5, 4, 4, 5),
            (
                "",
                "",
                "Impact is concentrated in two valleys, but those are where the deaths happened.",
                "Many member cities in mountain regions would learn from the landslide sensor part.",
            ),
            "Recommended. Please make sure the alerts to drivers are tested with the transport company.",
        ),
    ],
    "city-of-kigali": [
        (
            AYESHA,
            (4, 5, 4, 5),
            (
                "Flooding of new houses is a slow, costly problem rather than a sudden disaster, but a real one.",
                "The risk layer and the permit system already exist: the study connects them.",
                "",
                "Building the risk check into permits is a cheap, lasting measure other cities can copy.",
            ),
            "A clever, low-cost idea that prevents harm before houses are built. Strongly recommended.",
        ),
        (
            INGRID,
            (4, 4, 4, 5),
            (
                "",
                "",
                "The benefit grows every year as new permits are checked.",
                "A clear specification for a permit system is exactly the kind of result other cities can reuse.",
            ),
            "Good application. The study should say what happens to permits already granted in high-risk zones.",
        ),
        (
            KWAME,
            (4, 4, 5, 4),
            (
                "",
                "Rules for medium-risk plots will need the Housing Authority's agreement, which takes time.",
                "Keeping families out of runoff paths avoids the cost of moving them later.",
                "",
            ),
            "Well prepared by a city with a track record in planning. Fund it.",
        ),
    ],
    "dakar-city-hall": [
        (
            TOMAS,
            (5, 3, 4, 4),
            (
                "Chronic flooding in dense neighbourhoods affects hundreds of thousands of people each year.",
                "Little data to start from, and ONAS's commitment is not yet confirmed in writing.",
                "",
                "",
            ),
            "A grounded idea that starts from what residents already do. Readiness is the weak point.",
        ),
        (
            INGRID,
            (4, 3, 4, 5),
            (
                "",
                "",
                "",
                "Residents' reports feeding maintenance schedules is a simple model any city could use.",
            ),
            "Good, practical application. I would fund it if an award frees up.",
        ),
        (
            KWAME,
            (5, 4, 4, 4),
            (
                "Standing water brings disease as well as damage: the need is high.",
                "",
                "Cleaning drains where they block is a cheap way to reduce flooding quickly.",
                "",
            ),
            "Recommended. The three-commune pilot is the right scale.",
        ),
    ],
    "city-of-lisbon": [
        (
            AYESHA,
            (4, 4, 4, 4),
            (
                "Heat is the deadliest climate risk in southern Europe, and older people living alone are most "
                "exposed.",
                "",
                "",
                "",
            ),
            "A solid application on a risk that gets less attention than floods. A close call against the others.",
        ),
        (
            INGRID,
            (4, 5, 4, 4),
            (
                "",
                "Lisbon has the people, the partners and the data-protection know-how to do this well.",
                "",
                "",
            ),
            "Well prepared. The consent register is the hard part and the most reusable.",
        ),
        (
            YUKI,
            (3, 4, 4, 3),
            (
                "The application gives the 2022 figures but says little about the city's current heat plan.",
                "",
                "",
                "Health data rules differ widely between countries, which limits reuse.",
            ),
            "Worth doing, though Lisbon could probably fund much of it from national climate programmes.",
        ),
    ],
    "municipality-of-curitiba": [
        (
            TOMAS,
            (4, 5, 3, 3),
            (
                "",
                "Excellent data and a strong open data team.",
                "Street-level warnings add precision, but residents already receive state warnings.",
                "",
            ),
            "Technically the most mature application, but the gain over the existing warning service is modest.",
        ),
        (
            INGRID,
            (4, 5, 4, 4),
            (
                "",
                "",
                "Linking 156 reports to river levels would also improve the works programme.",
                "",
            ),
            "A well-run city with a sound idea. I would support it.",
        ),
        (
            YUKI,
            (3, 4, 3, 3),
            (
                "The flood risk is real but the application does not show how many people the current warnings miss.",
                "",
                "",
                "The method depends on a 156-style service line that few cities have.",
            ),
            "Good, but less urgent than other applications in this round.",
        ),
    ],
    "amman-greater-municipality": [
        (
            AYESHA,
            (5, 2, 4, 3),
            (
                "Flash floods in a crowded market valley are a clear danger to life.",
                "There is no data to start from and no named operator for sensors in the wadis.",
                "",
                "",
            ),
            "The need is obvious; the application needs a more concrete plan for who would run the system.",
        ),
        (
            TOMAS,
            (4, 2, 4, 3),
            (
                "",
                "Sensors in dry wadis are hard to maintain: sediment, vandalism and long idle periods. The "
                "application does not address this.",
                "",
                "",
            ),
            "Important, but not ready. A smaller first step (gauges and a rainfall-runoff model) would be stronger.",
        ),
        (
            KWAME,
            (5, 3, 4, 3),
            (
                "",
                "",
                "Even a short warning would let shopkeepers move goods and people out of the lowest streets.",
                "",
            ),
            "Recommended with reservations about readiness.",
        ),
    ],
    "metropolitan-district-of-quito": [
        (
            AYESHA,
            (5, 3, 4, 3),
            (
                "The La Gasca mudflow shows the danger; thousands of people live beside similar ravines.",
                "",
                "",
                "",
            ),
            "Strong need. The ranking of ravines is worth funding on its own.",
        ),
        (
            KWAME,
            (4, 2, 4, 3),
            (
                "",
                "The application does not say how monitoring would be paid for after the study, or by whom.",
                "",
                "",
            ),
            "Good idea, weak on the operating model. The city should also coordinate with the national risk "
            "secretariat, which has studied some of the same ravines.",
        ),
        (
            YUKI,
            (5, 2, 3, 3),
            (
                "",
                "Three agencies and no clear lead for the monitoring itself.",
                "Ten ravines is a start, but the highest-risk ones are not yet known.",
                "",
            ),
            "I would like to see this back next year with the ravine ranking done and an operator named.",
        ),
    ],
    "free-and-hanseatic-city-of-hamburg": [
        (
            INGRID,
            (3, 5, 3, 4),
            (
                "",
                "Hamburg has the data, the staff and the partners: the most ready applicant.",
                "The benefit is mostly inside the administration; residents would see it only indirectly.",
                "A dashboard specification for district offices could be reused by other large cities.",
            ),
            "A good project, but one Hamburg could fund itself. The programme's places are better used elsewhere.",
        ),
        (
            KWAME,
            (2, 5, 3, 4),
            (
                "Heavy-rain damage is real, but the risk to life is low compared with other applications.",
                "",
                "",
                "",
            ),
            "Well written and well prepared, but not a priority for this programme.",
        ),
        (
            YUKI,
            (3, 4, 3, 4),
            (
                "",
                "",
                "",
                "The data-sharing agreement with the water company is the most transferable part.",
            ),
            "Solid, but less urgent than the other applications.",
        ),
    ],
    "kathmandu-metropolitan-city": [
        (
            AYESHA,
            (5, 2, 3, 2),
            (
                "Riverside informal settlements are very exposed every monsoon.",
                "No lead for the dashboard after the study, and ward offices have few staff for it.",
                "",
                "",
            ),
            "High need, but the application does not yet show how the city would use the study.",
        ),
        (
            TOMAS,
            (4, 2, 3, 3),
            (
                "",
                "The national hydrology department already runs flood warnings for these rivers; the application "
                "does not say how the city's dashboard would add to them.",
                "",
                "",
            ),
            "Needs a clearer link with the national early warning system before it can succeed.",
        ),
        (
            YUKI,
            (4, 1, 3, 2),
            (
                "",
                "No data to start from, no operator, no budget line: not ready.",
                "",
                "",
            ),
            "I encourage the city to apply again with the Disaster Management Section leading and the national "
            "department as a partner.",
        ),
    ],
    "commune-of-casablanca": [
        (
            AYESHA,
            (3, 3, 2, 2),
            (
                "Drought is a serious risk for Casablanca, but parks are not where residents are most exposed.",
                "",
                "Water savings in parks are small compared with the city's total use.",
                "Smart irrigation is mature and well documented elsewhere.",
            ),
            "A reasonable project, but a weaker fit for this call than the others.",
        ),
        (
            TOMAS,
            (2, 4, 2, 3),
            (
                "",
                "",
                "The treated-wastewater network is an infrastructure project beyond a study of this size.",
                "",
            ),
            "The irrigation controllers could be bought without a study; the network needs an engineering study "
            "of its own.",
        ),
        (
            KWAME,
            (3, 3, 3, 2),
            (
                "Shade from trees matters for heat, which the application could have argued more strongly.",
                "",
                "",
                "",
            ),
            "Not a priority this year. The heat argument would make a stronger application.",
        ),
    ],
}

# (status, message to the city), in the order of the ranked table.
DETERMINATIONS = {
    "da-nang-peoples-committee": (
        "awarded",
        "Congratulations: the panel ranked your application first of eleven. Reviewers praised the clear account of "
        "the October 2022 floods and the city's readiness, and asked that ward officials and residents help design "
        "the warning messages from the start. Daniela Ortiz and Samuel Okafor will be your consultants; they will "
        "write to your focal point this week to plan the inception meeting.",
    ),
    "tbilisi-city-hall": (
        "awarded",
        "Congratulations: your application ranked second. Reviewers found the case for debris-flow warnings in the "
        "Vere valley compelling and asked that the operating model stay simple enough for the Emergency Management "
        "Service to run around the clock. Samuel Okafor will be your consultant; the secretariat will agree the "
        "dates of the inception meeting with you.",
    ),
    "city-of-kigali": (
        "awarded",
        "Congratulations: your application ranked third. Reviewers liked a low-cost measure that prevents harm "
        "before houses are built, and asked the study to say what happens to permits already granted in high-risk "
        "zones. The secretariat will confirm your consultants and the start date once your permit system team "
        "can take part.",
    ),
    "dakar-city-hall": (
        "waiting_list",
        "Thank you for a strong application, ranked fourth of eleven. It is first on the waiting list: if an "
        "awarded city cannot start within three months, the study is offered to Dakar. Reviewers valued an idea "
        "built on what residents already do and asked for ONAS's commitment in writing.",
    ),
    "city-of-lisbon": (
        "waiting_list",
        "Thank you for your application, ranked fifth of eleven. It is second on the waiting list. Reviewers "
        "welcomed a study of heat, a risk that gets less attention than floods, and noted that national climate "
        "programmes could also fund it.",
    ),
    "municipality-of-curitiba": (
        "declined",
        "Thank you for your application, ranked sixth of eleven. Reviewers rated Curitiba's data and team the most "
        "ready of all applicants, but found the gain over the existing state warning service smaller than in the "
        "applications chosen. We would welcome the same team in the next call, and hope you share your river data "
        "work with other member cities.",
    ),
    "amman-greater-municipality": (
        "declined",
        "Thank you for your application, ranked seventh of eleven. Reviewers agreed on the danger of flash floods "
        "downtown, but asked who would run and maintain sensors in the wadis. A smaller first step, rain gauges "
        "and a runoff model with a named operator, would make a stronger application next year.",
    ),
    "metropolitan-district-of-quito": (
        "declined",
        "Thank you for your application, ranked eighth of eleven. Reviewers saw a strong need but asked who would "
        "run and pay for the monitoring after the study, and suggested working with the national risk secretariat, "
        "which has studied some of the same ravines. With the ravines ranked and an operator named, we hope to see "
        "Quito apply again.",
    ),
    "free-and-hanseatic-city-of-hamburg": (
        "declined",
        "Thank you for a well-prepared application, ranked ninth of eleven. Reviewers found it the most ready of "
        "all, but the risk to life lower than in other cities and the study one the city could fund itself. The "
        "programme gives its places to cities with fewer means; we would be glad to have Hamburg's district "
        "offices share their work in the case library.",
    ),
    "kathmandu-metropolitan-city": (
        "declined",
        "Thank you for your application, ranked tenth of eleven. Reviewers recognised how exposed the riverside "
        "settlements are, but asked how the city's dashboard would add to the national flood warnings and who "
        "would run it. An application led by the Disaster Management Section, with the Department of Hydrology "
        "and Meteorology as a partner, would be much stronger.",
    ),
    "commune-of-casablanca": (
        "declined",
        "Thank you for your application, ranked eleventh. Reviewers found smart irrigation too mature to need a "
        "study and the treated-wastewater network too large for one. An application on shade and heat in the "
        "city's streets would fit the programme better.",
    ),
}

# --- Projects ------------------------------------------------------------------------------------------------

COMPLETED_PROJECT = {
    "city": "da-nang-peoples-committee",
    "consultants": ["consultant@wego-hub.example", SECOND_CONSULTANT],
    "milestones": [
        (
            "inception",
            14,
            -1,
            "Inception meeting held online with the Department of Information and Communications and the "
            "hydro-meteorological station. Scope confirmed: four pilot wards, a 15-minute warning target.",
            (
                "Inception report",
                [
                    "Scope: a ward-level flood warning for Hai Chau, Thanh Khe, Lien Chieu and Cam Le.",
                    "Work plan: data review in month 1, site visit in month 2, draft report in month 4.",
                    "Risks: access to the station's historical data; the wards' availability during the typhoon "
                    "season.",
                ],
            ),
        ),
        (
            "site_visit",
            35,
            2,
            "Five days in Da Nang: walked the drainage channels of Hai Chau and Thanh Khe with ward officials, "
            "visited the operations centre and met about 40 residents at two ward meetings.",
            (
                "Site visit notes",
                [
                    "Visited 23 of the 64 flood points reported in October 2022.",
                    "Residents trust ward loudspeakers and Zalo groups more than SMS from unknown numbers.",
                    "The operations centre can take sensor feeds today; its night shift has one operator.",
                ],
            ),
        ),
        (
            "draft_report",
            65,
            -1,
            "Draft sent to the city and the station for comments; 37 comments received, most on thresholds and "
            "running costs.",
            (
                "Draft report",
                [
                    "Draft for comment: sensor layout, warning chain, thresholds, costs and operating model.",
                ],
            ),
        ),
        (
            "final_report",
            90,
            -2,
            "Final report accepted by the office of the People's Committee; the Department of Information and "
            "Communications will propose the first phase in next year's budget.",
            (
                "Final report",
                [
                    "Typhoon and flood early warning for Da Nang's low-lying wards: feasibility study.",
                    "Recommendation: 72 ultrasonic water-level sensors at 48 sites in four wards, reporting every "
                    "two minutes to the Smart City Operations Centre.",
                    "Warnings: an automatic Zalo and SMS message to the affected ward when a channel crosses its "
                    "threshold, with ward loudspeakers triggered by the ward official on duty.",
                    "Cost: about USD 410,000 to build and USD 60,000 a year to run, for about 180,000 residents "
                    "covered.",
                    "First step: eight sensors on the Phu Loc channel before the next typhoon season.",
                ],
            ),
        ),
    ],
}

# What the consultant wrote in the case before sending it to the city and the secretariat.
COMPLETED_CASE = {
    "summary": (
        "A feasibility study for a ward-level flood warning in Da Nang: 72 water-level sensors in four wards, "
        "warnings by Zalo, SMS and ward loudspeakers within 15 minutes, for about USD 410,000."
    ),
    "results": [
        "The study recommends 72 ultrasonic water-level sensors at 48 sites in the drainage channels and low points "
        "of Hai Chau, Thanh Khe, Lien Chieu and Cam Le, reporting every two minutes to the Smart City Operations "
        "Centre. Thresholds were set with the hydro-meteorological station from the October 2022 flood marks.",
        "When a channel crosses its threshold, residents of the ward receive a Zalo and SMS message, and the ward "
        "official on duty sounds the loudspeakers. In a desk test on the October 2022 rainfall, the warning would "
        "have reached the first flooded streets 25 minutes before the water.",
        "Building the system would cost about USD 410,000 and running it about USD 60,000 a year; it would cover "
        "about 180,000 residents. The city will propose the first phase in next year's budget.",
    ],
    "lessons": [
        "Residents trust the channels they already use: ward loudspeakers and Zalo groups, not SMS from unknown "
        "numbers.",
        "Calibrate thresholds on flood marks that residents remember; they make the warning credible.",
        "Plan the night shift: a warning system is only as fast as the person on duty at 3 a.m.",
    ],
    "technologies": ["IoT", "Ultrasonic sensors", "Early warning"],
    "budget_band": "under_100k",
    "sign_off_comment": "Signed off for Da Nang: the figures match the final report the People's Committee accepted.",
    "approval_comment": "Reviewed: a clear, re-usable study.",
}

UNDER_WAY_PROJECT = {
    "city": "tbilisi-city-hall",
    "consultants": [SECOND_CONSULTANT],
    "milestones": [
        (
            "inception",
            21,
            -1,
            "Inception workshop at City Hall with the Emergency Management Service and the National Environmental "
            "Agency; the three landslide sites to study were agreed.",
            (
                "Inception report",
                [
                    "Scope: rain and river gauges in the upper Vere and Dighomi, slope sensors at three sites.",
                    "The National Environmental Agency will share its radar and gauge data for 2015 to 2025.",
                ],
            ),
        ),
        (
            "site_visit",
            50,
            3,
            "Four days in Tbilisi, walking the Vere valley from Akhaldaba to Heroes' Square with the city's river "
            "engineers; the visit moved three days for the Emergency Management Service's exercise.",
            (
                "Site visit notes",
                [
                    "The 2015 debris dam site is now monitored by a single camera with no alarm.",
                    "The Heroes' Square interchange can be closed from the traffic centre in under five minutes.",
                ],
            ),
        ),
        ("draft_report", 90, None, "", None),
        ("final_report", 130, None, "", None),
    ],
}

# --- The open call -------------------------------------------------------------------------------------------

OPEN_CALL = {
    "slug": "pilot-projects-data-driven-public-services",
    "title": "{year} pilot projects: data-driven public services",
    "summary": (
        "Member cities apply for a twelve-month pilot project: a public service that uses the city's data to serve "
        "residents better, built and tested with the association's consultants."
    ),
    "kind": "pilot_project",
    "awards": 4,
    "topics": ["e-government", "open-data", "data-governance"],
    "criteria": [
        (
            "Public value",
            "Who gains from the service, how much, and how the city will know whether it worked.",
            3,
        ),
        (
            "Data readiness and governance",
            "The data exists, the city may use it for this purpose, and personal data is protected.",
            3,
        ),
        (
            "Delivery plan",
            "A team, a timetable, a budget, and a department that will run the service after the pilot.",
            2,
        ),
        (
            "Reuse by other member cities",
            "Open standards, open-source code or a method other cities could follow.",
            2,
        ),
    ],
    "questions": [
        ("Which service will the pilot change, and how many residents use it today?", "long_text", "", True),
        ("Will the pilot process personal data?", "yes_no", "", True),
        ("What will the city contribute (staff time, data, co-funding)?", "long_text", "", False),
    ],
    "guidance_document": (
        "Guidance for applicants: data-driven public services",
        [
            "This call funds pilot projects: a public service built or changed with the city's data, tested with "
            "residents for up to twelve months.",
            "What the programme pays for: up to 80 consultant-days, and up to USD 50,000 for equipment, software "
            "and hosting needed by the pilot. The city provides the staff who will run the service.",
            "Who may apply: active member cities of every region, one application per city.",
            "Assessment: three partner experts score each eligible application against four weighted criteria.",
        ],
    ),
    "body": [
        ("heading", "What this call offers"),
        (
            "paragraph",
            "<p>Many member cities hold data that could make a service faster, fairer or cheaper to run: permits, "
            "bus positions, water meters, requests to the city's service line. This call offers four cities a "
            "<strong>pilot project</strong>: the association's consultants help the city build or change a public "
            "service with that data, test it with residents, and measure what changed.</p>",
        ),
        ("heading", "What the programme pays for"),
        (
            "paragraph",
            "<ul><li>Up to 80 consultant-days over twelve months.</li>"
            "<li>Up to USD 50,000 for the equipment, software and hosting the pilot needs.</li>"
            "<li>The city provides the staff who will run the service, during the pilot and after it.</li></ul>",
        ),
        ("heading", "Who may apply, and how"),
        (
            "paragraph",
            "<p>Active member cities of every region, one application per city. The city's focal point starts the "
            "application on WeGo Hub, invites the colleagues who will write it, and submits it before the deadline. "
            "Applications from cities applying for the first time are welcome.</p>",
        ),
        ("heading", "How applications are assessed"),
        (
            "paragraph",
            "<p>Three partner experts score each eligible application against the four criteria below. Pilots that "
            "handle personal data must say how they protect it; the consultants help with the data protection "
            "impact assessment.</p>",
        ),
        (
            "callout",
            "Questions?",
            "<p>Write to the programme team at programme@wego-hub.example. The answers to common questions are "
            "added to this page.</p>",
        ),
    ],
}

# Other cities at work on the open call: one draft, one submitted (never Seoul: its focal point starts fresh).
OPEN_CALL_APPLICATIONS = [
    {
        "city": "municipality-of-curitiba",
        "title": "Open river-level data for residents' flood apps",
        "submit": False,
        "challenge": (
            "Curitiba publishes river levels on its open data portal once a day, too late to be of use in a storm. "
            "Several local apps would show them live if the city published them as they are measured."
        ),
        "objectives": "",
        "expected_outcomes": "",
        "partners": ["Simepar, the Paraná meteorological system", "Instituto das Cidades Inteligentes (ICI)"],
        "answers": [],
    },
    {
        "city": "dakar-city-hall",
        "title": "A flood-report service for three Dakar communes",
        "submit": True,
        "challenge": (
            "Flood reports from residents never reach the teams who clean the drains. The feasibility call put Dakar's idea "
            "on its waiting list; the city now wants to test it in three communes."
        ),
        "objectives": (
            "A reporting service by USSD, WhatsApp and web for the Médina, Grand Yoff and Parcelles Assainies, run "
            "for one rainy season, with every report answered by ONAS or the city's sanitation teams."
        ),
        "expected_outcomes": (
            "Reports answered within 48 hours; a map of the drains that block most often; a cleaning schedule for "
            "the following year set by the reports."
        ),
        "partners": [
            "Office National de l'Assainissement du Sénégal (ONAS)",
            "Jokkolabs Dakar",
        ],
        "answers": [
            "Drain cleaning and the response to flooding in three communes, home to about 400,000 people. Today "
            "residents report flooding only by calling their commune.",
            "yes",
            "Two staff of the Digital Services Directorate half-time, the sanitation teams' schedules, and USD "
            "10,000 for text messages.",
        ],
    },
]
