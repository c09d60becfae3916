"""The demo events' programmes: who speaks at each event and what happens on each day.

Demo data: the speakers are invented people (their organisations carry "(demo)"), the sessions plausible.

PROGRAMMES: {event slug: (speakers, days)}
speakers: [(name, title, organisation)]
days: one list per day of the event, of (session title, indexes into the event's speakers)
"""


def _org(name):
    return f"{name} (demo)"


SECRETARY_GENERAL = ("Seo-yeon Han", "Secretary General", _org("WeGo Secretariat"))

# A table reads better one session per line.
# fmt: off
PROGRAMMES = {
    "general-assembly-2026": (
        [
            SECRETARY_GENERAL,
            ("Joon-ho Choi", "Chief Information Officer", _org("Seoul Metropolitan Government")),
            ("Fatou Sarr", "Deputy Mayor for Digital Affairs", _org("Dakar City Hall")),
            ("Miguel Ángel Restrepo", "Director of Digital Government", _org("Mayor's Office of Medellín")),
            ("Aigerim Bekova", "Head of Digital Transformation", _org("Akimat of Almaty")),
        ],
        [
            [
                ("Opening ceremony and welcome from the host city", (0, 1)),
                ("Secretary General's report on the 2026 work plan", (0,)),
                ("Financial report and audit", (0,)),
                ("Regional reports: Africa, Latin America and Central Asia", (2, 3, 4)),
            ],
            [
                ("Election of the executive committee", (0,)),
                ("Adoption of the 2027 work plan and budget", (0,)),
                ("Member showcase: one-stop digital service centres", (1, 4)),
            ],
            [
                ("Study visit: Seoul's digital citizen service centre", (1,)),
                ("Closing session and handover to the next host city", (0, 2)),
            ],
        ],
    ),
    "smart-sustainable-cities-summit": (
        [
            ("Ji-woo Shin", "Director of Smart City Policy", _org("Seoul Metropolitan Government")),
            ("Mette Sørensen", "Head of Urban Data", _org("City of Copenhagen")),
            ("Rahul Deshpande", "Chief Digital Officer", _org("Pune Municipal Corporation")),
            ("Nomvula Dlamini", "Chief Digital Officer", _org("City of Cape Town")),
            ("Valentina Rojas", "Secretary for Innovation", _org("City of Bogotá")),
        ],
        [
            [
                ("Opening plenary: mayors on the next decade of smart cities", (0, 3, 4)),
                ("Keynote: digital twins for planning and climate adaptation", (1,)),
                ("Panel: financing smart-city infrastructure", (2, 3)),
            ],
            [
                ("Open data as public infrastructure", (1, 4)),
                ("Cybersecurity for city operations centres", (0,)),
                ("Workshop: designing services with residents", (4,)),
            ],
            [
                ("AI in public services: procurement and transparency", (2,)),
                ("Water and energy: smart utilities at scale", (3,)),
                ("Smart-city awards ceremony", (0,)),
            ],
            [
                ("Study tours: the transport information centre and the Digital Citizen Plaza", (0,)),
                ("Closing plenary: the summit declaration", (0, 1, 3)),
            ],
        ],
    ),
    "open-data-workshop-bogota": (
        [
            ("Andrés Felipe Castaño", "Open data lead", _org("City of Bogotá")),
            ("Lucía Fernández", "Open government coordinator", _org("Municipality of Montevideo")),
            ("João Silva", "Open data lead", _org("Municipality of Curitiba")),
        ],
        [
            [
                ("Welcome and goals of the day", (0,)),
                ("Choosing high-value datasets", (1,)),
                ("Hands-on: cleaning and publishing a dataset with its metadata", (0, 2)),
                ("Re-use clinic: from a dataset to a service", (2,)),
            ],
        ],
    ),
    "webinar-digital-inclusion": (
        [
            ("Claire Dubois", "Digital inclusion officer", _org("City of Paris")),
            ("Grace Wanjiru", "Head of community digital hubs", _org("Nairobi City County")),
            ("Tomás Ferreira", "Digital skills programme manager", _org("City of Lisbon")),
        ],
        [
            [
                ("Who is still offline, and why", (0,)),
                ("Three city stories: digital helpers, community hubs and libraries", (0, 1, 2)),
                ("Questions from participants", (0, 1, 2)),
            ],
        ],
    ),
    "training-cybersecurity-nairobi": (
        [
            ("Peter Otieno", "Chief Information Security Officer", _org("Nairobi City County")),
            ("Kadri Tamm", "Cyber resilience adviser", _org("City of Tallinn")),
            ("Samuel Mensah", "ICT director", _org("Accra Metropolitan Assembly")),
        ],
        [
            [
                ("Threats to municipal systems: ransomware and phishing", (0,)),
                ("Exercise: mapping the city's critical services", (1,)),
                ("Hardening email, backups and staff accounts", (2,)),
            ],
            [
                ("Tabletop exercise: a ransomware attack on city services", (0, 1)),
                ("Incident response plans and public communication", (1,)),
                ("Security clauses for procurement contracts", (2,)),
            ],
        ],
    ),
    "webinar-mobile-voting": (
        [
            ("Ana Beatriz Costa", "Participation coordinator", _org("City of São Paulo")),
            ("Facundo Álvarez", "Civic technology lead", _org("City of Buenos Aires")),
        ],
        [
            [
                ("Participatory budgeting on a phone: what works", (0,)),
                ("Verifying voters without excluding anyone", (1,)),
                ("Questions and answers", (0, 1)),
            ],
        ],
    ),
    "iot-urban-services-workshop": (
        [
            ("Jonas Becker", "Head of the urban data platform", _org("Free and Hanseatic City of Hamburg")),
            ("Lena Fischer", "Mobility data analyst", _org("Free and Hanseatic City of Hamburg")),
            ("Pieter de Vries", "Smart lighting programme manager", _org("City of Amsterdam")),
            ("Aino Virtanen", "IoT architect", _org("City of Helsinki")),
        ],
        [
            [
                ("Why sensors? Start from the decision the data will change", (0,)),
                ("Street lighting: dimming, maintenance and savings", (2,)),
                ("Waste collection routes driven by fill-level data", (1,)),
            ],
            [
                ("Connectivity choices: LoRaWAN, NB-IoT and city Wi-Fi", (3,)),
                ("Urban data platforms and interoperability", (0, 3)),
                ("Procurement clinic: buying IoT without lock-in", (2,)),
            ],
        ],
    ),
    "mobility-data-conference": (
        [
            ("Sofía Hernández", "Director of Mobility Data", _org("Government of Mexico City")),
            ("Diego Paredes", "Transport planning manager", _org("Metropolitan Municipality of Lima")),
            ("Rachel Goldman", "Mobility data lead", _org("City of Los Angeles")),
            ("Mariana Oliveira", "BRT operations analyst", _org("Municipality of Curitiba")),
        ],
        [
            [
                ("Opening: what data changed in our transport plans", (0,)),
                ("Ticketing data and origin–destination matrices", (3,)),
                ("Panel: sharing data with private mobility operators", (2, 1)),
            ],
            [
                ("Data standards for shared bikes and scooters", (2,)),
                ("Running bus rapid transit with real-time data", (3,)),
                ("Road safety: data for a Vision Zero plan", (0,)),
            ],
            [
                ("Timetables and real-time information in GTFS", (1,)),
                ("Closing: a regional mobility data network", (0, 1, 2, 3)),
            ],
        ],
    ),
    "training-egov-foundations-dakar": (
        [
            ("Amina Diallo", "Digital services manager", _org("Dakar City Hall")),
            ("Kouadio Yao", "Director of information systems", _org("District of Abidjan")),
            ("Jean-Paul Mugisha", "E-government adviser", _org("City of Kigali")),
        ],
        [
            [
                ("What makes a service digital by design", (0,)),
                ("Mapping a resident's journey", (1,)),
                ("Exercise: choosing the first services to put online", (0, 1)),
            ],
            [
                ("Civil registration online: the Kigali experience", (2,)),
                ("Payments and mobile money for city services", (1,)),
                ("Exercise: a service blueprint for your city", (0,)),
            ],
            [
                ("Keeping an assisted channel for residents who are offline", (0,)),
                ("Action plans and peer review", (0, 1, 2)),
            ],
        ],
    ),
    "webinar-ai-in-city-hall": (
        [
            ("Priya Raghavan", "Head of Data and AI", _org("Greater Mumbai Municipal Corporation")),
            ("Willem Bakker", "Algorithm register lead", _org("City of Amsterdam")),
            ("Ha-eun Jeong", "AI policy officer", _org("Seoul Metropolitan Government")),
        ],
        [
            [
                ("Where AI helps city hall, and where it does not", (0,)),
                ("Algorithm registers: telling residents what the city uses", (1,)),
                ("Buying AI: the questions to ask vendors", (2, 0)),
            ],
        ],
    ),
    "smart-city-strategy-lab": (
        [
            ("Olivia Bennett", "Smart city strategy manager", _org("City of Sydney")),
            ("Aroha Ngata", "Resilience lead", _org("Auckland Council")),
            ("Josefa Ratu", "Town planner", _org("Suva City Council")),
        ],
        [
            [
                ("From vision to priorities: problems before products", (0,)),
                ("Governance: a steering group that can decide", (1,)),
                ("Lab: drafting your city's priority list", (0, 2)),
            ],
            [
                ("Funding models: budgets, grants and partnerships", (1,)),
                ("Indicators the council will read", (0,)),
                ("Lab: peer review of the roadmaps", (0, 1, 2)),
            ],
        ],
    ),
    "regional-forum-middle-east": (
        [
            ("Mariam Al Mansoori", "Director of Smart Services", _org("Dubai Municipality")),
            ("Omar Haddad", "Head of GIS", _org("Amman Greater Municipality")),
            ("Youssef El Amrani", "Digital transformation director", _org("Commune of Casablanca")),
            ("Leila Ben Salah", "Open government officer", _org("Municipality of Tunis")),
        ],
        [
            [
                ("Opening: the region's digital agenda", (0,)),
                ("Digital twins for planning and building permits", (1, 0)),
                ("Service design in Arabic and French: writing for residents", (3,)),
            ],
            [
                ("Smart mobility in fast-growing cities", (2,)),
                ("Open government and open budgets", (3,)),
                ("Closing: a regional cooperation plan for 2027", (0, 1, 2, 3)),
            ],
        ],
    ),
    "webinar-open-budgets": (
        [
            ("Erin Walsh", "Budget transparency lead", _org("City of Boston")),
            ("Nadia Rahman", "Open data programme manager", _org("City of Toronto")),
        ],
        [
            [
                ("Budgets people can read", (0,)),
                ("Showing spending by neighbourhood", (1,)),
                ("Questions and answers", (0, 1)),
            ],
        ],
    ),
    "training-gis-postponed": (
        [
            ("Budi Santoso", "GIS coordinator", _org("Jakarta Capital City Government")),
            ("Lan Nguyen", "Urban planning data officer", _org("Da Nang People's Committee")),
            ("Rina Kusumawati", "Spatial planning officer", _org("Bandung City Government")),
        ],
        [
            [
                ("Mapping basics for planners", (0,)),
                ("Working with satellite imagery and drones", (1,)),
                ("Exercise: flood-risk maps for one district", (0, 2)),
            ],
            [
                ("Land-use data and building permits", (2,)),
                ("Sharing maps with residents", (1,)),
                ("Exercise: your department's first map service", (0,)),
            ],
        ],
    ),
    "webinar-cancelled-blockchain": (
        [
            ("Javier Morales", "Innovation officer", _org("Madrid City Council")),
            ("Núria Puig", "Digital rights adviser", _org("Municipality of Barcelona")),
        ],
        [
            [
                ("Shared ledgers for land registries: promises and limits", (0,)),
                ("When a well-run database is enough", (1,)),
                ("Questions and answers", (0, 1)),
            ],
        ],
    ),
    "general-assembly-2025": (
        [
            SECRETARY_GENERAL,
            ("Emre Yıldız", "Head of Information Technology", _org("Istanbul Metropolitan Municipality")),
            ("Zeynep Aksoy", "Smart city coordinator", _org("Ankara Metropolitan Municipality")),
            ("Nodira Karimova", "Deputy head of digital development", _org("Tashkent City Administration")),
        ],
        [
            [
                ("Opening and welcome from the host city", (1, 0)),
                ("Secretary General's report on 2025", (0,)),
                ("Regional reports: Europe and Central Asia", (2, 3)),
            ],
            [
                ("Adoption of the 2026 work plan and budget", (0,)),
                ("Earthquake preparedness: digital tools for a resilient city", (1,)),
                ("Member showcase: smart-city services in Türkiye", (1, 2)),
            ],
            [
                ("Study visit: the city's disaster coordination centre", (1,)),
                ("Closing and invitation to the 2026 General Assembly in Seoul", (0,)),
            ],
        ],
    ),
    "webinar-citizen-apps": (
        [
            ("Paolo Reyes", "Head of digital services", _org("Manila City Government")),
            ("Andi Pratama", "Civic app product lead", _org("Makassar City Government")),
            ("Sokha Chan", "Digital services officer", _org("Phnom Penh Capital Administration")),
        ],
        [
            [
                ("Why city apps die after launch", (0,)),
                ("Keeping an app alive: teams, budgets and feedback", (1, 2)),
                ("Questions and answers", (0, 1, 2)),
            ],
        ],
    ),
    "open-data-day-2026": (
        [
            ("Martina Sosa", "Open data director", _org("City of Buenos Aires")),
            ("Felipe Araya", "Transparency officer", _org("Municipality of Santiago")),
            ("Daniela Cárdenas", "Data innovation lead", _org("Metropolitan District of Quito")),
        ],
        [
            [
                ("Welcome: Open Data Day in our cities", (0,)),
                ("Lightning talks: new datasets from five cities", (1, 2)),
                ("Hands-on: publishing together", (0, 2)),
                ("Showcase and next steps", (0, 1, 2)),
            ],
        ],
    ),
    "training-data-governance": (
        [
            ("Ciarán Murphy", "Data protection officer", _org("City of Dublin")),
            ("Katarzyna Nowak", "Data governance lead", _org("City of Warsaw")),
            ("Fiona MacLeod", "Chief data officer", _org("City of Edinburgh Council")),
        ],
        [
            [
                ("Roles: data owners, stewards and the chief data officer", (2,)),
                ("Data registers: knowing what the city holds", (1,)),
                ("Exercise: a data inventory for one department", (1, 2)),
            ],
            [
                ("Personal data: protection impact assessments", (0,)),
                ("Data-sharing agreements between departments", (1,)),
                ("Exercise: your city's data governance charter", (0, 2)),
            ],
        ],
    ),
    "webinar-smart-parking": (
        [
            ("Marcus Reed", "Parking operations analyst", _org("City of Los Angeles")),
            ("Emily Chen", "Curbside management planner", _org("City of Vancouver")),
            ("Carlos Mendoza", "Smart mobility programme manager", _org("City of Austin")),
        ],
        [
            [
                ("Sensors and demand-based pricing downtown", (0,)),
                ("Managing the curb for deliveries and ride-hailing", (1, 2)),
                ("Questions and answers", (0, 1, 2)),
            ],
        ],
    ),
    "smart-water-workshop": (
        [
            ("Thabo Mokoena", "Water loss programme manager", _org("City of Johannesburg")),
            ("Zanele Khumalo", "Data scientist", _org("City of Cape Town")),
            ("Baraka Mollel", "Utility engineer", _org("Dar es Salaam City Council")),
        ],
        [
            [
                ("Opening: the water lost before it reaches a tap", (0,)),
                ("Leak detection with pressure sensors and acoustic loggers", (0, 2)),
                ("Smart meters: from a pilot to the whole city", (2,)),
                ("Lessons from the drought years: data for water demand", (1,)),
            ],
        ],
    ),
    "pacific-resilience-forum": (
        [
            ("Rangi Parata", "Emergency management data lead", _org("Auckland Council")),
            ("Mere Naivalu", "Disaster risk officer", _org("Suva City Council")),
            ("Kenji Morita", "Disaster prevention planner", _org("City of Yokohama")),
        ],
        [
            [
                ("Opening: resilience for Pacific cities", (0, 1)),
                ("Digital early warning: from sirens to phones", (2,)),
                ("Mapping flood and cyclone risk", (1,)),
            ],
            [
                ("Recovery: keeping services running after a disaster", (0,)),
                ("Tsunami evacuation planning with open data", (2,)),
                ("Closing: a network of Pacific cities", (0, 1, 2)),
            ],
        ],
    ),
}
# fmt: on

# When each session runs, in minutes from the day's start, by the number of sessions that day.
FULL_DAY_SLOTS = {
    2: [(0, 180), (270, 480)],
    3: [(0, 90), (120, 210), (300, 480)],
    4: [(0, 60), (90, 180), (270, 360), (390, 480)],
}
SHORT_SLOTS = {2: [(0, 40), (40, 60)], 3: [(0, 10), (10, 45), (45, 60)]}
