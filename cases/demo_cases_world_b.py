"""Member-city case studies, part b: Kyiv to Boston, the second half of the member cities' cases.

Demo data: plausible, rounded figures written for the demo hub, not official records of the cities named.
Each entry keeps the slug the case had when it was a one-line entry and adds the full story: challenge,
approach, results, lessons, indicators (name, baseline, result, unit, year measured), partners, a contact
office, related toolkits and courses, and relations to other cases.
"""

CASES = [
    {
        "slug": "kyiv-city-state-administration-kyiv-digital-app",
        "title": "Kyiv Digital app",
        "organisation": "Kyiv City State Administration",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2020, None),
        "budget": "1m_10m",
        "funding": "city_budget",
        "topics": ["e-government"],
        "technologies": ["mobile app"],
        "summary": (
            "One city app for transport tickets, parking and local news, which from 2022 also became the "
            "way residents find air-raid alerts, shelters and heating points."
        ),
        "challenge": [
            (
                "Before 2020 Kyiv residents needed separate tools for almost every city task: paper "
                "tickets or a transport card for buses and the metro, text messages or parking attendants "
                "for parking, and several web pages for notices about water and heating outages. Each "
                "municipal company kept its own accounts, so nobody had one view of what residents used."
            ),
            (
                "The city wanted fewer cash payments on public transport, an end to informal parking "
                "collection, and one trusted channel to reach people quickly."
            ),
        ],
        "approach": [
            (
                "The Digital Transformation Department and the city's municipal IT enterprise rebuilt an "
                "older smart-city app as Kyiv Digital in 2020. The first release sold QR-code tickets for "
                "the metro, buses, trams and trolleybuses and let drivers pay for street parking by zone; "
                "a login with the national digital identity app removed the need for a separate password."
            ),
            (
                "New features were added in small monthly releases and tested with a panel of residents. "
                "From 2022 the team added air-raid alerts, a map of shelters, and later a map of places "
                "with heating, power and mobile connection during blackouts. The app had to keep working "
                "when power and networks were unstable, so the shelter map was stored on the phone."
            ),
            (
                "Development and operation cost a few million dollars over the first three years, paid "
                "from the city budget and run by a team of about 40 staff."
            ),
        ],
        "results": [
            (
                "By 2023 more than 2 million people had installed the app, and close to half of all "
                "public transport tickets were bought on a phone. Parking payments moved almost fully to "
                "the app, which made income from parking visible to the city for the first time."
            ),
            (
                "Older residents and people with basic phones still depend on paper tickets and "
                "loudspeaker alerts, so these channels were kept. Some services, such as housing repairs, "
                "remained on separate systems."
            ),
        ],
        "lessons": [
            (
                "Start with a service people pay for every day, such as transport tickets, and the app "
                "earns a place on their phone."
            ),
            (
                "Logging in with the national digital identity saved months of work and spared residents "
                "another password."
            ),
            "Design emergency features to work offline, because a crisis is exactly when the network fails.",
        ],
        "indicators": [
            ("App installations", "0", "2 million", "installations", 2023),
            ("Public transport tickets bought in the app", "5", "45", "%", 2023),
            ("Street parking paid by phone", "20", "90", "%", 2022),
        ],
        "partners": [
            "Digital Transformation Department, Kyiv City State Administration",
            "The city's municipal IT enterprise",
            "The municipal public transport company",
            "Ministry of Digital Transformation of Ukraine",
        ],
        "contact": ("Digital Transformation Department, Kyiv", "digital@kyiv.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "akimat-of-almaty-smart-traffic-lights-feasibility",
        "title": "Smart traffic lights feasibility",
        "organisation": "Akimat of Almaty",
        "kind": "feasibility_study",
        "stage": "feasibility",
        "years": (2022, 2022),
        "budget": "under_100k",
        "funding": "loan",
        "topics": ["smart-mobility"],
        "technologies": ["adaptive signals"],
        "summary": (
            "Could adaptive traffic signals cut congestion on Almaty's main avenues? The study found that "
            "repairing detectors and retiming signals should come first, with adaptive control on two "
            "corridors later."
        ),
        "challenge": [
            (
                "Almaty's long avenues carry most of the city's car traffic, and a few large junctions, "
                "where the east–west avenues meet the roads that climb towards the mountains, decide how "
                "the whole network flows. At peak hours queues at large junctions block the next "
                "junction, buses lose time, and traffic police often switch signals to manual control."
            ),
            (
                "The city already had a traffic management centre, but many signal plans were ten years "
                "old. Before asking for a larger transport loan, the Akimat needed to know whether "
                "adaptive signals would pay off."
            ),
        ],
        "approach": [
            (
                "The study ran for seven months in 2022 and cost about USD 80,000 from the preparation "
                "budget of a development bank loan. The Urban Mobility Department and a technical "
                "university in Almaty counted vehicles at 48 junctions on four avenues and checked every "
                "detector at those junctions."
            ),
            (
                "Engineers built a traffic simulation of two corridors and compared three options: "
                "retiming the existing fixed plans, adaptive control on two corridors, and adaptive "
                "control across the whole centre. For each option they estimated costs over ten years, "
                "including maintenance and staff."
            ),
        ],
        "results": [
            (
                "The main finding was that only about half of the vehicle detectors worked, so no "
                "adaptive system could run well yet. In the simulation, simply retiming fixed plans cut "
                "peak travel time by around 8%; adaptive control on the two corridors added a further "
                "5–7% and gave buses priority."
            ),
            (
                "The study recommended a first phase of detector repair and retiming, then adaptive "
                "control with bus priority on the two busiest corridors. It advised against a citywide "
                "system until the centre had staff trained to run it."
            ),
        ],
        "lessons": [
            "Check that the existing detectors work before pricing a new system; it changed the whole recommendation.",
            (
                "Compare adaptive signals with a cheap retiming option, because the cheap option often "
                "delivers most of the gain."
            ),
            "Count the cost of the operators who will run the system, not only the equipment.",
        ],
        "indicators": [
            ("Junctions surveyed", "", "48", "junctions", 2022),
            ("Vehicle detectors in working order", "", "52", "%", 2022),
            ("Simulated peak travel time saving, retiming and adaptive control", "", "14", "%", 2022),
        ],
        "partners": [
            "Urban Mobility Department, Akimat of Almaty",
            "Almaty traffic management centre",
            "A technical university in Almaty",
            "An international development bank",
        ],
        "contact": ("Urban Mobility Department, Almaty", "mobility@almaty.city.example"),
        "related_toolkits": ["feasibility-study-template"],
        "related_courses": ["data-driven-transport"],
    },
    {
        "slug": "tbilisi-city-hall-online-public-procurement-for-the-city",
        "title": "Online public procurement for the city",
        "organisation": "Tbilisi City Hall",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2014, 2016),
        "budget": "100k_1m",
        "funding": "national_grant",
        "topics": ["e-government"],
        "technologies": ["e-procurement"],
        "summary": (
            "Tbilisi City Hall, its district offices and municipal companies moved every tender to the "
            "national electronic procurement system, with published plans and online complaints."
        ),
        "challenge": [
            (
                "Georgia had a national electronic procurement system, but in 2013 many of Tbilisi's "
                "purchases still ran on paper or through direct contracts. Municipal companies for "
                "transport, water and parks each followed their own practice, and small firms said they "
                "could not see city tenders in time to bid."
            ),
            (
                "Audit reports pointed to contracts with only one bidder and to prices well above market "
                "levels for road repairs and office supplies."
            ),
        ],
        "approach": [
            (
                "In 2014 the City Hall decided that every purchase above a low threshold, by every city "
                "body, would go through the national system. The State Procurement Agency trained about "
                "200 procurement officers over a year, and the city's finance service set up a help desk "
                "for suppliers."
            ),
            (
                "Each city body had to publish an annual procurement plan online at the start of the "
                "year. Complaints from bidders went to an online dispute board, which had to decide "
                "within ten working days. A national grant covered training and the help desk, about USD "
                "300,000 over two years."
            ),
            (
                "A civil-society monitoring group received read access to the data and published a "
                "quarterly report on single-bidder tenders."
            ),
        ],
        "results": [
            (
                "By 2016 almost all city tenders ran online, the average number of bids per tender rose "
                "from under two to more than three, and prices for common items fell by roughly a tenth. "
                "Small firms from outside the capital began to win road and school repair contracts."
            ),
            (
                "Direct contracts in emergencies remained a weak point, and the quality of technical "
                "specifications varied between city bodies."
            ),
        ],
        "lessons": [
            (
                "Use the national system instead of building a city one; the money is better spent on "
                "training buyers and suppliers."
            ),
            "A help desk for suppliers brings in the small firms that make tenders competitive.",
            "Give an independent monitor access to the data, so problems are named before they become scandals.",
        ],
        "indicators": [
            ("City tenders run electronically", "35", "98", "%", 2016),
            ("Average bids per tender", "1.8", "3.4", "bids", 2016),
            ("Tenders with a single bidder", "40", "18", "%", 2016),
        ],
        "partners": [
            "State Procurement Agency of Georgia",
            "Finance Service, Tbilisi City Hall",
            "Tbilisi municipal companies",
            "A national anti-corruption NGO",
        ],
        "contact": ("Finance Service, Tbilisi City Hall", "procurement@tbilisi.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit", "open-data-policy-kit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "istanbul-metropolitan-municipality-open-data-portal",
        "title": "Open data portal",
        "organisation": "Istanbul Metropolitan Municipality",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2020, 2022),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["open-data"],
        "technologies": ["data portal"],
        "summary": (
            "Istanbul's open data portal publishes data sets and APIs from the municipality and its "
            "companies, from hourly transport use to water reserves, and builds a community of developers "
            "and researchers around them."
        ),
        "challenge": [
            (
                "Istanbul Metropolitan Municipality works through dozens of affiliated companies that run "
                "transport, water, gas and ferries. Each held its own data, and researchers, journalists "
                "and start-ups had to file information requests and wait weeks for a spreadsheet."
            ),
            (
                "During the first months of the pandemic, the city needed to share mobility and public "
                "transport data quickly, and it had no channel to do so."
            ),
        ],
        "approach": [
            (
                "The Information Technologies Department launched the portal in early 2020 on open-source "
                "catalogue software, with an open licence and a simple API for each data set. A small "
                "data team of six people ran an inventory of data held by the affiliated companies and "
                "agreed a publication schedule with each of them."
            ),
            (
                "The first releases were chosen from the most frequent information requests: hourly "
                "passenger counts by transport line, dam levels, traffic density and the locations of "
                "city facilities. Each data set had a named owner and a description in Turkish and "
                "English."
            ),
            (
                "To build a community, the city held data hackathons with universities and published "
                "short data stories that showed what the data could answer. Running costs stayed below "
                "USD 300,000 a year."
            ),
        ],
        "results": [
            (
                "Within two years the portal held more than 200 data sets, several updated daily, and the "
                "number of information requests on the same topics fell. Universities used the transport "
                "data in dozens of studies, and several start-ups built route and accessibility apps on "
                "the APIs."
            ),
            (
                "Some affiliated companies published once and stopped updating, so about a fifth of the "
                "data sets became stale. The team now reports update rates to the companies' managers "
                "every quarter."
            ),
        ],
        "lessons": [
            "Choose the first data sets from the questions people already ask in information requests.",
            (
                "Report stale data sets to the managers who own them; a portal only stays useful if "
                "updates are somebody's job."
            ),
            "Short data stories attract more new users than a long catalogue.",
        ],
        "indicators": [
            ("Data sets published", "0", "210", "data sets", 2022),
            ("Data sets updated at least monthly", "", "60", "%", 2022),
            ("Registered API users", "0", "4,000", "users", 2022),
        ],
        "partners": [
            "Information Technologies Department, Istanbul Metropolitan Municipality",
            "Istanbul Planning Agency",
            "The municipality's transport and water companies",
            "Universities in Istanbul",
        ],
        "contact": ("Open Data Office, Istanbul", "opendata@istanbul.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["open-data-for-cities"],
    },
    {
        "slug": "dubai-municipality-building-permits-with-bim",
        "title": "Building permits with BIM",
        "organisation": "Dubai Municipality",
        "kind": "pilot_project",
        "stage": "scaled",
        "years": (2019, 2022),
        "budget": "1m_10m",
        "funding": "city_budget",
        "topics": ["e-government"],
        "technologies": ["BIM"],
        "summary": (
            "Applicants for large building permits submit a 3D building model, which software checks "
            "against parts of the building code before an engineer reviews it."
        ),
        "challenge": [
            (
                "Dubai Municipality reviews thousands of building permit applications a year. For towers "
                "and large projects, engineers checked hundreds of drawings by hand against the building "
                "code, fire rules and parking standards. Two reviewers could read the same rule "
                "differently, and most large projects were sent back two or three times."
            ),
            (
                "Designers already worked in building information models (BIM), but they had to turn them "
                "into flat drawings for the permit."
            ),
        ],
        "approach": [
            (
                "The Buildings Department started a pilot in 2019 with ten design consultants. Applicants "
                "uploaded their model in the open IFC format, and rule-checking software tested it "
                "against about 150 rules on setbacks, parking, accessibility and fire exits. Engineers "
                "then reviewed only what the software could not check."
            ),
            (
                "Writing the rules in a form software can test took a year of work by code experts and "
                "civil defence engineers, and showed gaps and contradictions in the code itself. The "
                "municipality published a modelling guide that tells designers how to name rooms, doors "
                "and spaces so that the checks work."
            ),
            (
                "After two years the requirement was extended to all large buildings. The total cost, "
                "including software licences and training of 600 engineers from consultancies, was "
                "several million dollars."
            ),
        ],
        "results": [
            (
                "Average review time for large projects fell from about a month to under two weeks, and "
                "most projects now pass in one or two rounds. The municipality also gains a model of each "
                "new building for later inspections."
            ),
            (
                "Villas and small buildings still use drawings, because small design offices could not "
                "afford the modelling work. Every change to the code now needs a matching change to the "
                "rules in the software."
            ),
        ],
        "lessons": [
            "Translating the code into testable rules is the largest task, and it improves the code as well.",
            "A modelling guide for designers matters as much as the checking software.",
            "Begin with large projects, where designers already use BIM, and leave small buildings for later.",
        ],
        "indicators": [
            ("Average review time for large projects", "30", "12", "days", 2022),
            ("Code rules checked automatically", "0", "150", "rules", 2022),
            ("Large projects approved within two review rounds", "35", "75", "%", 2022),
        ],
        "partners": [
            "Buildings Department, Dubai Municipality",
            "Dubai Civil Defence",
            "A rule-checking software vendor",
            "Engineering consultancies taking part in the pilot",
        ],
        "contact": ("Buildings Department, Dubai Municipality", "buildingpermits@dubai.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "amman-greater-municipality-smart-bus-fare-cards",
        "title": "Smart bus fare cards",
        "organisation": "Amman Greater Municipality",
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2021, 2023),
        "budget": "1m_10m",
        "funding": "loan",
        "topics": ["smart-mobility"],
        "technologies": ["smart card"],
        "summary": (
            "A contactless fare card on Amman's city bus routes replaced cash and gave planners boarding "
            "data by stop and hour for the first time."
        ),
        "challenge": [
            (
                "Most bus passengers in Amman paid cash to the driver. Boarding was slow, drivers handled "
                "money while driving, and the municipality had no reliable figures on how many people "
                "used each route. Routes had grown over decades without a plan, and many ran nearly empty "
                "while others were overcrowded."
            ),
            "The city was also opening a bus rapid transit line and needed one way to pay on both networks.",
        ],
        "approach": [
            (
                "With part of a development bank loan for public transport, the Transport and Mobility "
                "Department installed card readers and GPS units on the buses of about 30 routes run by "
                "the municipal bus company. Passengers could buy and top up cards at kiosks, at shops "
                "near stops and through a mobile app linked to a local bank."
            ),
            (
                "Each tap recorded the route, stop and time. The planning team matched taps with GPS "
                "traces to estimate boardings at each stop. Cash was still accepted during the pilot, at "
                "a slightly higher fare, to move people to the card without excluding anyone."
            ),
            "Equipment, the back office and two years of operation cost about USD 4 million.",
        ],
        "results": [
            (
                "By the end of 2023 about two thirds of fares on the pilot routes were paid by card, and "
                "boarding at busy stops became noticeably faster. Using the boarding data, planners "
                "merged four weak routes and added buses on the three busiest."
            ),
            (
                "Top-up points were too few in some eastern neighbourhoods, where card use stayed low. "
                "Private minibus operators, who carry many passengers, were not part of the pilot, so the "
                "data shows only part of the city's travel."
            ),
        ],
        "lessons": [
            "Plan top-up points as carefully as the card readers, or use will be low where incomes are low.",
            "A small cash surcharge moved people to the card faster than a ban would have.",
            "Fare data is only useful for planning when it is matched with vehicle location data.",
        ],
        "indicators": [
            ("Fares paid by card on pilot routes", "0", "65", "%", 2023),
            ("Buses with card readers", "0", "250", "buses", 2022),
            ("Routes changed using boarding data", "0", "7", "routes", 2023),
        ],
        "partners": [
            "Transport and Mobility Department, Amman Greater Municipality",
            "The municipal bus company",
            "A local bank providing payment services",
            "An international development bank",
        ],
        "contact": ("Transport and Mobility Department, Amman", "transport@amman.city.example"),
        "related_toolkits": [],
        "related_courses": ["data-driven-transport"],
    },
    {
        "slug": "commune-of-casablanca-digital-civil-registry-feasibility",
        "title": "Digital civil registry feasibility",
        "organisation": "Commune of Casablanca",
        "kind": "feasibility_study",
        "stage": "feasibility",
        "years": (2023, 2023),
        "budget": "100k_1m",
        "funding": "donor",
        "topics": ["e-government"],
        "technologies": ["digital registry"],
        "summary": (
            "Moving birth, marriage and death records online: the study sized the paper archive of "
            "Casablanca's civil status offices and compared three ways to digitise it."
        ),
        "challenge": [
            (
                "Residents of Casablanca need copies of their birth certificate for school enrolment, "
                "passports, jobs and marriage. Each request means a visit to the civil status office of "
                "their district, often twice, and queues are long at the start of the school year. "
                "Records are kept in paper registers, some of them more than a hundred years old and in "
                "poor condition."
            ),
            (
                "A national programme was preparing an electronic civil registry, and the Commune had to "
                "decide whether to wait for it, build its own system, or prepare its archive so it could "
                "join quickly."
            ),
        ],
        "approach": [
            (
                "From February to November 2023 a team of consultants, funded by a development agency "
                "with about USD 250,000, visited the civil status offices in all 16 districts. They "
                "counted registers, sampled their condition and measured how many copies each office "
                "issued and how long each took."
            ),
            (
                "The study compared three options: scanning and indexing registers in each district "
                "office, a central scanning centre for the whole city, and joining the national registry "
                "with only new records entered digitally. It also reviewed the legal value of digital "
                "copies and data protection rules with the national data protection authority."
            ),
        ],
        "results": [
            (
                "The study estimated about 6 million records to digitise and found that a fifth of old "
                "registers need repair before scanning. It recommended a central scanning centre linked "
                "to the national registry, over four years, at a cost of about USD 5 million."
            ),
            (
                "It also recommended a quick step that needs no new law: online requests for copies with "
                "delivery to the district office, which could cut repeat visits by half. The legal "
                "question of whether a digital copy can replace a stamped paper copy remained open at the "
                "end of the study."
            ),
        ],
        "lessons": [
            "Measure the condition of the paper archive early; repair work changed the budget by a third.",
            (
                "Join the national registry instead of building a parallel city system that will need to "
                "be connected later."
            ),
            "Look for improvements that the current law already allows while the legal changes are debated.",
        ],
        "indicators": [
            ("Civil status records to digitise", "", "6 million", "records", 2023),
            ("District offices surveyed", "0", "16", "offices", 2023),
            ("Copies of civil records issued per year", "", "1.5 million", "copies", 2023),
        ],
        "partners": [
            "Civil status offices of Casablanca's districts",
            "Ministry of the Interior, civil status directorate",
            "National data protection authority",
            "An international development agency",
        ],
        "contact": ("Civil Status Service, Commune of Casablanca", "civilstatus@casablanca.city.example"),
        "related_toolkits": ["feasibility-study-template", "e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "dakar-city-hall-online-building-permits-pilot",
        "title": "Online building permits pilot",
        "organisation": "Dakar City Hall",
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2024, 2026),
        "budget": "100k_1m",
        "funding": "donor",
        "topics": ["e-government"],
        "technologies": ["web platform"],
        "summary": (
            "Following its feasibility study, Dakar let applicants in three districts submit building "
            "permits online, track them and pay by mobile money, using the national online permit "
            "service."
        ),
        "challenge": [
            (
                "In Dakar a building permit application passed through the City Hall, the urban planning "
                "services, fire safety and the land registry, each with its own paper file. Applicants "
                "travelled between offices to check progress, and files were lost. Many owners gave up "
                "and built without a permit, which made unsafe buildings and unplanned streets more "
                "common."
            ),
            (
                "The feasibility study of 2023 concluded that permits could move online within two years "
                "if the city used the existing national service instead of building its own."
            ),
        ],
        "approach": [
            (
                "The pilot started in 2024 in three districts (communes) of the city. The City Hall "
                "connected its urban planning office to the national online permit service, scanned the "
                "pending files, and set a fixed time for each step of the review. Architects upload plans "
                "as PDF files, and applicants follow the status of their file online or by SMS."
            ),
            (
                "Fees can be paid by mobile money. A help point in each district office helps applicants "
                "who do not have an architect or a computer to submit online. Fifteen staff were trained "
                "over three months."
            ),
            "The pilot costs about USD 400,000 over two years, funded by a donor programme for urban governance.",
        ],
        "results": [
            (
                "In 2025 about 70% of applications in the pilot districts were submitted online, and a "
                "decision now takes about seven weeks instead of four months. Staff can also see which "
                "step delays a file."
            ),
            (
                "Applicants in informal areas without clear land titles still cannot apply, online or on "
                "paper, so the pilot has not reduced building without permits there."
            ),
        ],
        "lessons": [
            (
                "Set a time limit for each review step before going online, or the online system will "
                "only show the delays."
            ),
            "A help point in the district office keeps the service open to people without an architect.",
            "Online permits do not solve land title problems, which need a separate programme.",
        ],
        "indicators": [
            ("Applications submitted online in pilot districts", "0", "70", "%", 2025),
            ("Average time to a permit decision", "120", "50", "days", 2025),
            ("Fees paid by mobile money", "0", "55", "%", 2025),
        ],
        "partners": [
            "Urban Planning Office, Dakar City Hall",
            "The national agency running the online permit service",
            "Fire safety service",
            "A donor programme for urban governance",
        ],
        "contact": ("Urban Planning Office, Dakar City Hall", "permits@dakar.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "city-of-kigali-cashless-public-transport",
        "title": "Cashless public transport",
        "organisation": "City of Kigali",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2015, 2017),
        "budget": "1m_10m",
        "funding": "ppp",
        "topics": ["smart-mobility"],
        "technologies": ["smart card"],
        "summary": (
            "Tap-and-go fare cards on every Kigali city bus, supplied by a local technology company under "
            "a concession, ended cash handling by conductors."
        ),
        "challenge": [
            (
                "Until 2015 Kigali's buses were run by several operators, with conductors collecting cash "
                "fares. Passengers waited for change, operators lost part of their income, and the "
                "transport regulator had no reliable data on passenger numbers when it set fares."
            ),
            (
                "The city was reorganising bus services into zones, each given to one operator, and "
                "wanted one payment system for all of them."
            ),
        ],
        "approach": [
            (
                "The City of Kigali and the national utilities regulator gave a local technology company "
                "a concession to install and run card payment on all city buses. The company paid for "
                "readers, cards and the back office and receives a small share of each fare; the "
                "operators and the regulator get access to trip data. The company's investment, roughly "
                "USD 3 million, is repaid from its share of fares over a ten-year concession."
            ),
            (
                "Cards were sold and topped up at bus stations, at agents near stops and later by mobile "
                "money. Conductors were retrained as station agents or drivers. The rollout went route by "
                "route over about 18 months, and cash was phased out on each route a few weeks after the "
                "readers were installed."
            ),
        ],
        "results": [
            (
                "By 2017 all city buses accepted only cards, and boarding times at main stations fell. "
                "Operators reported higher declared revenue, and the regulator used trip data in later "
                "fare reviews."
            ),
            (
                "Readers sometimes lost network connection, and passengers complained when a card was "
                "charged twice. Visitors and occasional riders found it hard to get a card, which later "
                "led to single-trip tickets at the main stations."
            ),
        ],
        "lessons": [
            (
                "A concession moved the investment to a private partner, but the city must keep the right "
                "to use the trip data."
            ),
            "Phase out cash route by route, so problems appear on a small scale first.",
            "Plan an easy option for visitors and occasional riders from the start.",
        ],
        "indicators": [
            ("City buses accepting cards", "0", "100", "%", 2017),
            ("Average time to board a full bus at main stations", "8", "4", "minutes", 2017),
            ("Card top-up points", "0", "600", "points", 2017),
        ],
        "partners": [
            "Transport Unit, City of Kigali",
            "Rwanda Utilities Regulatory Authority",
            "A local technology company holding the payment concession",
            "Bus operating companies",
        ],
        "contact": ("Transport Unit, City of Kigali", "transport@kigali.city.example"),
        "related_toolkits": [],
        "related_courses": ["data-driven-transport", "smart-city-strategy"],
    },
    {
        "slug": "nairobi-city-county-mobile-payments-for-city-fees",
        "title": "Mobile payments for city fees",
        "organisation": "Nairobi City County",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2014, 2016),
        "budget": "100k_1m",
        "funding": "ppp",
        "topics": ["e-government"],
        "technologies": ["mobile money"],
        "summary": (
            "Nairobi moved parking, business permit and other fees to mobile money and an online portal, "
            "with an SMS receipt for every payment, through a revenue-sharing contract with a payments "
            "company."
        ),
        "challenge": [
            (
                "Nairobi City County collects daily parking fees, single business permits, land rates and "
                "market fees from hundreds of thousands of payers. Before 2014 most of this was paid in "
                "cash to attendants or at county offices, with paper receipts that were easy to fake. The "
                "county's own estimates suggested that a large part of parking income never reached its "
                "accounts."
            ),
            (
                "At the same time almost every adult in Nairobi already used mobile money to pay bills "
                "and send money to family."
            ),
        ],
        "approach": [
            (
                "The county contracted a local payments company to build and run an online and mobile "
                "payment platform. Instead of an upfront price, the company received a small percentage "
                "of the money collected through the platform. The first service was daily parking: "
                "drivers send the car number and zone by phone, pay with mobile money and receive an SMS "
                "receipt."
            ),
            (
                "Parking attendants got handheld devices to check whether a car had paid, instead of "
                "collecting cash. Business permits, land rates and some health and market fees followed "
                "over two years. The Revenue Department matched payments with its ledgers each day. The "
                "county's own costs, mainly the handheld devices, staff time and publicity, came to a few "
                "hundred thousand dollars."
            ),
        ],
        "results": [
            (
                "By 2016 most parking fees and a majority of business permit payments were made by phone, "
                "and the county reported clearly higher parking revenue than in the cash years. Payers no "
                "longer queued at City Hall for a permit receipt."
            ),
            (
                "The revenue-sharing contract was later criticised for its cost and for leaving the data "
                "with the contractor, and the county eventually moved the platform under its own control. "
                "Market traders with irregular income kept paying cash for longer."
            ),
        ],
        "lessons": [
            "Build on the payment method people already use every day rather than introducing a new one.",
            (
                "Give inspectors a way to check payment on the spot; without it, digital payment does not "
                "stop cash collection."
            ),
            "Write ownership of the data and an exit plan into any revenue-sharing contract from the first day.",
        ],
        "indicators": [
            ("Parking fees paid by mobile money", "0", "85", "%", 2016),
            ("Single business permits paid online or by phone", "5", "60", "%", 2016),
            ("Fee types payable by phone", "0", "12", "fee types", 2016),
        ],
        "partners": [
            "Revenue Department, Nairobi City County",
            "A local payments company under a revenue-sharing contract",
            "Mobile network operators offering mobile money",
            "Parking enforcement unit",
        ],
        "contact": ("Revenue Department, Nairobi City County", "revenue@nairobi.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "lagos-state-government-traffic-data-from-ride-hailing",
        "title": "Traffic data from ride-hailing",
        "organisation": "Lagos State Government",
        "kind": "research_project",
        "stage": "pilot",
        "years": (2022, 2023),
        "budget": "under_100k",
        "funding": "donor",
        "topics": ["smart-mobility", "data-governance"],
        "technologies": ["mobile data"],
        "summary": (
            "Researchers used anonymised speeds from ride-hailing trips to retime traffic signals on two "
            "Lagos corridors and tested whether the new timings held up against daily traffic management "
            "on the street."
        ),
        "challenge": [
            (
                "Lagos has few working traffic counters, and many signal timings on main roads had not "
                "been reviewed for years. Traffic officers often override signals by hand at peak hours, "
                "and the state transport agencies had no regular measure of travel times to judge whether "
                "a change helped."
            ),
            "Ride-hailing cars, however, cross the city all day and record their position every few seconds.",
        ],
        "approach": [
            (
                "In 2022 the state transport authority, the traffic management agency and a research team "
                "from the University of Lagos agreed with two ride-hailing companies to receive average "
                "speeds by road segment and hour. The companies removed trip details and driver "
                "identities before sharing, under a data-sharing agreement reviewed by the state's "
                "lawyers."
            ),
            (
                "The team chose two corridors with 14 signalised junctions, measured travel times for "
                "eight weeks, designed new signal timings and then measured again for eight weeks. "
                "Traffic officers at the junctions were briefed and asked to log when they overrode the "
                "signals. A donor grant of about USD 70,000 covered the research."
            ),
        ],
        "results": [
            (
                "Off-peak travel times on both corridors fell by about a tenth after retiming. At peak "
                "hours the effect was small, mainly because officers overrode the signals most of the "
                "morning; where they did not, the peak saving was similar to off-peak."
            ),
            (
                "The ride-hailing data covered main roads well but side streets poorly, and it reflects "
                "mostly middle-income travel. The researchers recommended joint training of officers and "
                "signal engineers, and a standing data agreement rather than a one-off one."
            ),
        ],
        "lessons": [
            (
                "Commercial trip data can replace missing counters on main roads, but check which roads "
                "and which people it covers."
            ),
            "Ask traffic officers to record manual overrides; without that log the results cannot be read.",
            "Have the data-sharing agreement reviewed by lawyers before the study, not during it.",
        ],
        "indicators": [
            ("Signalised junctions retimed", "0", "14", "junctions", 2023),
            ("Off-peak travel time, corridor average", "24", "21.5", "minutes", 2023),
            ("Peak travel time, corridor average", "52", "50", "minutes", 2023),
        ],
        "partners": [
            "Lagos Metropolitan Area Transport Authority",
            "Lagos State Traffic Management Authority",
            "University of Lagos, transport research team",
            "Two ride-hailing companies",
        ],
        "contact": ("Transport Data Unit, Lagos State", "transportdata@lagos.city.example"),
        "related_toolkits": [],
        "related_courses": ["data-driven-transport"],
    },
    {
        "slug": "city-of-cape-town-water-dashboard-during-the-drought",
        "title": "Water dashboard during the drought",
        "organisation": "City of Cape Town",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2017, 2018),
        "budget": "under_100k",
        "funding": "city_budget",
        "topics": ["urban-resilience", "open-data"],
        "technologies": ["dashboard"],
        "summary": (
            "During the 2017–2018 drought Cape Town published dam levels and the city's daily water use "
            "every week, set one shared target, and helped residents more than halve consumption."
        ),
        "challenge": [
            (
                "After three dry winters the dams that supply Cape Town fell to very low levels. The city "
                'warned of a "Day Zero" when taps would be turned off and people would queue for water at '
                "collection points. Water restrictions existed, but many residents did not know how much "
                "the city used each day or whether saving at home made a difference."
            ),
        ],
        "approach": [
            (
                "The Water and Sanitation Department and the communications team built a simple public "
                "dashboard from data the city already collected: dam levels, daily citywide use compared "
                "with the target, and the projected Day Zero date. It was updated every week and repeated "
                "on radio, in newspapers and on social media."
            ),
            (
                "The city set one easy target, 50 litres per person per day, and published tools to help "
                "households measure their own use. A map of water use by household, shown with colour "
                "codes, was added to praise savers; it caused a debate about privacy and was changed to "
                "show less detail."
            ),
            "The dashboard was built by existing staff in a few weeks, with a small budget for design and hosting.",
        ],
        "results": [
            (
                "Citywide use fell from about 1,100 million litres a day before the drought to around 500 "
                "million in early 2018, and Day Zero was avoided before the winter rains returned. "
                "Surveys showed that most residents knew the dam level and the daily target."
            ),
            (
                "Lower water sales cut the city's income from water, which led to tariff increases that "
                "many residents saw as unfair after they had saved. The dashboard also made the projected "
                "date move often, which some people found confusing."
            ),
        ],
        "lessons": [
            "One clear number that everyone can act on did more than long explanations.",
            "Check privacy before publishing data about individual households, even with good intentions.",
            "Plan the financial effect of successful saving before the crisis ends.",
        ],
        "indicators": [
            ("Citywide water use per day", "1,100", "510", "million litres", 2018),
            ("Household target per person per day", "", "50", "litres", 2018),
        ],
        "partners": [
            "Water and Sanitation Department, City of Cape Town",
            "City communications team",
            "National Department of Water and Sanitation",
            "University of Cape Town, water research group",
        ],
        "contact": ("Water and Sanitation Department, Cape Town", "water@cape-town.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["open-data-for-cities"],
    },
    {
        "slug": "city-of-bogota-open-data-for-public-procurement",
        "title": "Open data for public procurement",
        "organisation": "City of Bogotá",
        "kind": "pilot_project",
        "stage": "scaled",
        "years": (2019, 2021),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["open-data", "e-government"],
        "technologies": ["open contracting"],
        "summary": (
            "Bogotá publishes its contracts in the Open Contracting Data Standard, from planning to "
            "payment, and uses the data to flag risky tenders."
        ),
        "challenge": [
            (
                "Bogotá's district secretariats and agencies sign tens of thousands of contracts a year. "
                "Information existed in the national procurement system, but scattered across documents, "
                "so citizens and oversight bodies could not easily follow a contract from plan to final "
                "payment or compare prices between agencies."
            ),
            (
                "School meals, road works and health supplies had been the subject of complaints about "
                "inflated prices and repeated winners."
            ),
        ],
        "approach": [
            (
                "In 2019 the district's ICT office and the city's oversight office started with four "
                "agencies that volunteered to publish their contracts in the Open Contracting Data "
                "Standard (OCDS). The data was combined from the national procurement system and the "
                "city's financial system, so that each contract shows planning, tender, award, changes "
                "and payments."
            ),
            (
                "With help from the Open Contracting Partnership, the team defined about 20 risk flags, "
                "such as a single bidder, a very short tender period or large contract changes. The "
                "oversight office used the flags to choose which contracts to review. In 2021 publication "
                "was extended to all district agencies. Over three years the work cost about USD 400,000, "
                "mostly for data engineering."
            ),
        ],
        "results": [
            (
                "By 2021 most district contracts were published in OCDS and updated daily. The oversight "
                "office reported that it now chooses a large part of its reviews using the risk flags, "
                "and journalists used the data in stories on school meals contracts."
            ),
            (
                "Data on payments and contract changes was still incomplete for some agencies. The flags "
                "show risk, not proof of wrongdoing, and some managers at first treated them as "
                "accusations."
            ),
        ],
        "lessons": [
            "Connect procurement data with payment data; the story of a contract is in its changes and payments.",
            "Explain clearly that a risk flag starts a question, not an accusation.",
            "Begin with a few agencies that volunteer, then extend to all of them.",
        ],
        "indicators": [
            ("District contracts published in OCDS", "0", "85", "%", 2021),
            ("Risk flags calculated for each contract", "0", "20", "flags", 2021),
            ("Reviews chosen using risk flags", "", "40", "%", 2021),
        ],
        "partners": [
            "District ICT office, Bogotá",
            "Veeduría Distrital (the city's oversight office)",
            "Colombia Compra Eficiente, the national procurement agency",
            "Open Contracting Partnership",
        ],
        "contact": ("District ICT Office, Bogotá", "opencontracting@bogota.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["open-data-for-cities"],
    },
    {
        "slug": "mayors-office-of-medellin-public-wi-fi-in-cable-car-stations",
        "title": "Public wi-fi in cable-car stations",
        "organisation": "Mayor's Office of Medellín",
        "kind": "pilot_project",
        "stage": "scaled",
        "years": (2016, 2018),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["digital-inclusion"],
        "technologies": ["wi-fi"],
        "summary": (
            "Free wi-fi in Medellín's cable-car stations and nearby squares gives hillside neighbourhoods "
            "a connection where residents already pass every day, linked to digital skills classes in "
            "library parks."
        ),
        "challenge": [
            (
                "Medellín's cable-car lines connect steep hillside neighbourhoods with the metro. Many "
                "households there had no fixed internet and used small prepaid mobile data packages. "
                "Students did homework on phones with no data left, and job seekers could not complete "
                "online applications."
            ),
            (
                "The city had free wi-fi in central squares, but few points in the hillside districts "
                "where the need was greatest."
            ),
        ],
        "approach": [
            (
                "The Mayor's Office started a pilot in 2016 in the stations of one cable-car line and the "
                "squares next to them, working with the metro company and the telecom company of the "
                "city's public utility. The stations already had power, fibre and security, which kept "
                "installation cheap: equipment and three years of service for the first line cost about "
                "USD 250,000."
            ),
            (
                "Users logged in once with a phone number and accepted simple terms; there was no time "
                "limit, but video streaming was slowed at busy hours. Digital skills classes in nearby "
                "library parks taught people to use public services and job portals on their phones."
            ),
            (
                "After a year of good use, wi-fi was extended to all cable-car stations and to several "
                "squares along the lines by 2018."
            ),
        ],
        "results": [
            (
                "The stations became some of the busiest free wi-fi points in the city, with use highest "
                "in the evening and at weekends, when students and families came to connect. Library "
                "parks reported more people joining digital skills classes."
            ),
            (
                "Coverage stops a short walk from each station, so homes higher on the hillside still "
                "lack a connection. Some stations saw evening crowding, and the metro had to agree rules "
                "for people waiting on platforms."
            ),
        ],
        "lessons": [
            "Put public wi-fi where people already pass and where power, fibre and security exist.",
            "Connect free access to training, so that people use it for more than entertainment.",
            "Agree with the transport operator early on rules for crowds in stations.",
        ],
        "indicators": [
            ("Cable-car stations with free wi-fi", "0", "16", "stations", 2018),
            ("Unique users per month", "0", "45,000", "users", 2018),
            ("Digital skills class participants in nearby library parks per year", "900", "2,400", "people", 2018),
        ],
        "partners": [
            "ICT Secretariat, Mayor's Office of Medellín",
            "Metro de Medellín",
            "The telecom company of the city's public utility",
            "Library parks in the hillside districts",
        ],
        "contact": ("ICT Secretariat, Medellín", "connectivity@medellin.city.example"),
        "related_toolkits": [],
        "related_courses": ["smart-city-strategy"],
    },
    {
        "slug": "city-of-sao-paulo-night-bus-network-from-mobility-data",
        "title": "Night-bus network from mobility data",
        "organisation": "City of São Paulo",
        "kind": "pilot_project",
        "stage": "replicated",
        "years": (2015, 2016),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["smart-mobility"],
        "technologies": ["big data"],
        "summary": (
            "Learning from Seoul's Owl Bus, São Paulo used smart-card and travel survey data to turn "
            "scattered late-night lines into one network with regular departures all night."
        ),
        "challenge": [
            (
                "São Paulo's metro closes around midnight, but hundreds of thousands of people work or "
                "study late: cleaners, security guards, nurses, bar and restaurant staff. Night buses "
                "existed, but they were a collection of day lines that kept running with long and "
                "irregular gaps, and many passengers waited an hour or more at unlit stops."
            ),
        ],
        "approach": [
            (
                "After an exchange with Seoul Metropolitan Government on the Owl Bus method, the "
                "municipal transport secretariat and the city bus company studied night travel with their "
                "own data. Instead of phone records, they used smart-card taps after midnight, the "
                "regional origin–destination survey and counts at night terminals."
            ),
            (
                "Planners designed a network of trunk lines on main corridors with fixed departures every "
                "15 or 30 minutes, and feeder lines timed to meet them at hubs. The design was discussed "
                "in public hearings in each region of the city and launched in stages from 2015. The work "
                "took about a year and used mostly existing staff and buses."
            ),
        ],
        "results": [
            (
                "The night network carried noticeably more passengers than the old night lines within the "
                "first year, and the longest waits on main corridors fell from over an hour to half an "
                "hour or less. Passengers could plan trips because departure times were published and "
                "kept."
            ),
            (
                "Safety at night stops remained a concern for many women, and some outer districts asked "
                "for more feeder lines than the budget allowed."
            ),
        ],
        "lessons": [
            "The method travels well between cities, but each city must use the data it actually has.",
            "Fixed, published departure times matter more at night than high frequency.",
            "Public hearings in each region found local travel needs the data had missed.",
        ],
        "indicators": [
            ("Night lines in a coordinated network", "", "150", "lines", 2016),
            ("Longest scheduled wait on trunk lines at night", "60", "30", "minutes", 2016),
            ("Passengers on night buses per night", "60,000", "90,000", "passengers", 2016),
        ],
        "partners": [
            "Municipal Transport Secretariat, City of São Paulo",
            "SPTrans, the city bus company",
            "Seoul Metropolitan Government (exchange on the Owl Bus method)",
            "University of São Paulo, transport engineering department",
        ],
        "contact": ("Municipal Transport Secretariat, São Paulo", "nightbus@sao-paulo.city.example"),
        "related_toolkits": [],
        "related_courses": ["data-driven-transport"],
        "relations": [("replicates", "seoul-owl-bus-mobile-data")],
    },
    {
        "slug": "city-of-buenos-aires-citizen-reporting-app",
        "title": "Citizen reporting app",
        "organisation": "City of Buenos Aires",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2016, 2018),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["citizen-participation", "e-government"],
        "technologies": ["mobile app"],
        "summary": (
            "Residents report potholes, broken street lights and rubbish with a photo and location; the "
            "report goes straight to the responsible crew or contractor, and its status is visible to the "
            "resident."
        ),
        "challenge": [
            (
                "Buenos Aires received hundreds of thousands of requests a year about street lights, "
                "pavements, trees and rubbish through a phone line, e-mail and district offices. Requests "
                "were typed into different systems, often without an exact location, and contractors "
                "responsible for maintenance worked from their own lists."
            ),
            (
                "Residents rarely heard what happened after a call, so they called again, and the city "
                "could not measure how fast each contractor worked."
            ),
        ],
        "approach": [
            (
                "The city's citizen services secretariat joined all channels into one request system and "
                "launched a mobile app in which a resident chooses a category, takes a photo and confirms "
                "the location on a map. Each category was linked to a responsible team or contractor, "
                "with a target time to solve it."
            ),
            (
                "Crews received requests on tablets and closed them with a photo of the finished work. "
                "The resident received a notice and could reopen the request if the problem remained. "
                "Maintenance contracts were changed over two years so that payments depended partly on "
                "meeting target times. Building the system and running it for two years cost about USD "
                "800,000 from the city budget."
            ),
        ],
        "results": [
            (
                "By 2018 more than half of requests arrived through digital channels, and the average "
                "time to repair a street light fell from about two weeks to a few days. District managers "
                "used the request map to plan maintenance rounds instead of reacting to calls."
            ),
            (
                "Neighbourhoods with more older or poorer residents used the app less, so the phone line "
                "and district offices stayed important. Duplicate reports of the same pothole remained a "
                "problem until the app showed nearby open requests."
            ),
        ],
        "lessons": [
            "Link each request category to one responsible team with a target time, or the app becomes another inbox.",
            "A photo of the finished work gives residents a reason to trust the status.",
            "Show nearby open requests before a new one is sent, to avoid duplicates.",
        ],
        "indicators": [
            ("Requests through digital channels", "20", "55", "%", 2018),
            ("Average days to repair a street light", "14", "4", "days", 2018),
            ("Requests reopened by residents", "", "8", "%", 2018),
        ],
        "partners": [
            "Citizen Services Secretariat, City of Buenos Aires",
            "Innovation and Digital Transformation Secretariat",
            "Public space maintenance contractors",
            "District (comuna) offices",
        ],
        "contact": ("Citizen Services Secretariat, Buenos Aires", "requests@buenos-aires.city.example"),
        "related_toolkits": ["citizen-participation-playbook"],
        "related_courses": ["citizen-participation"],
    },
    {
        "slug": "government-of-mexico-city-digital-permits-and-one-stop-shop",
        "title": "Digital permits and one-stop shop",
        "organisation": "Government of Mexico City",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2019, 2022),
        "budget": "1m_10m",
        "funding": "city_budget",
        "topics": ["e-government"],
        "technologies": ["web platform", "eID"],
        "summary": (
            "Mexico City simplified and moved hundreds of procedures online behind one digital identity, "
            "and registered every procedure's requirements in a public catalogue."
        ),
        "challenge": [
            (
                "A resident or business in Mexico City dealt with the city government, 16 borough offices "
                "and many agencies, each with its own forms and requirements. The same procedure could "
                "ask for different documents in different offices, and many could only be started in "
                "person. Applicants often paid intermediaries to guide them."
            ),
        ],
        "approach": [
            (
                "The city's digital agency, set up at the start of 2019, took charge of the project. "
                "First it built a public catalogue of every procedure and its requirements; a procedure "
                "not in the catalogue, or a document not listed, could no longer be demanded. Legal staff "
                "removed requirements that the city already held in its own records."
            ),
            (
                "Residents create one digital identity account, checked against the national population "
                "registry number, and use it for all online procedures. Procedures were moved online in "
                "order of volume, starting with vehicle services, business notices and certificates. "
                "Offices that used the same forms shared one online service instead of building their "
                "own."
            ),
            (
                "The work cost several million dollars over three years, mostly for the platform team and "
                "for simplifying procedures."
            ),
        ],
        "results": [
            (
                "By 2022 several hundred procedures could be completed fully online, and the digital "
                "identity had several million accounts. Business start-up notices and vehicle procedures "
                "moved mostly online, and waiting times at service offices fell."
            ),
            (
                "Some borough offices moved more slowly than central agencies, and complex permits such "
                "as construction licences still need several visits. Residents without a smartphone rely "
                "on service centres, where staff complete the procedure with them."
            ),
        ],
        "lessons": [
            "A binding public catalogue of requirements cut more paperwork than any software.",
            "Move procedures online in order of how many people use them.",
            "Keep assisted service centres so that going digital does not exclude anyone.",
        ],
        "indicators": [
            ("Procedures available fully online", "40", "350", "procedures", 2022),
            ("Digital identity accounts", "0", "5 million", "accounts", 2022),
            ("Procedures listed in the public catalogue", "0", "1,800", "procedures", 2021),
        ],
        "partners": [
            "The city's digital innovation agency",
            "Legal Counsel of the city government",
            "Borough (alcaldía) offices",
            "National population registry",
        ],
        "contact": ("Digital Innovation Agency, Mexico City", "onestop@mexico-city.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "city-of-toronto-digital-inclusion-for-older-residents",
        "title": "Digital inclusion for older residents",
        "organisation": "City of Toronto",
        "kind": "research_project",
        "stage": "pilot",
        "years": (2022, 2024),
        "budget": "under_100k",
        "funding": "donor",
        "topics": ["digital-inclusion"],
        "technologies": ["training"],
        "summary": (
            "Public libraries lent tablets with data plans to older residents and gave weekly coaching in "
            "several languages; researchers measured whether participants could then use city services "
            "online on their own."
        ),
        "challenge": [
            (
                "More and more Toronto services, from booking recreation programmes to renewing permits "
                "and reporting problems to 311, move online first. Many older residents, especially those "
                "living alone, on low incomes or speaking a first language other than English, had no "
                "device at home or no confidence to use one."
            ),
            (
                "The city did not know which support actually helped: lending devices, paying for data or "
                "teaching skills."
            ),
        ],
        "approach": [
            (
                "In 2022 the city's seniors services division, the public library and an ageing research "
                "centre at a Toronto university designed a study with 300 residents aged 65 or older in "
                "four lower-income neighbourhoods. Participants borrowed a tablet with a data plan for "
                "six months and could join weekly small-group coaching at their local library branch, "
                "offered in English, Cantonese, Tamil and Portuguese."
            ),
            (
                "Researchers tested each participant on five real tasks at the start and the end, such as "
                "booking a recreation class and finding a waste collection calendar, and interviewed "
                "coaches and participants. A charitable foundation funded devices, data and research with "
                "about USD 90,000."
            ),
        ],
        "results": [
            (
                "Participants who joined at least half of the coaching sessions were much more likely to "
                "complete three or more tasks alone at the end than those who only received a tablet. The "
                "main barriers were passwords, verification codes and city web forms that timed out."
            ),
            (
                "The study recommended coaching in community languages as a permanent library service, "
                "and it reported the problem forms to the city's digital team, which shortened two of "
                "them. Device lending alone showed little effect."
            ),
        ],
        "lessons": [
            "Coaching, not the device, made the difference for most participants.",
            "Test with real city tasks; they exposed design problems that the city could fix itself.",
            "Offer coaching in the languages people speak at home.",
        ],
        "indicators": [
            ("Participants", "0", "300", "people", 2024),
            ("Coached participants completing three of five online city tasks alone", "20", "65", "%", 2024),
            ("City web forms simplified after the study", "0", "2", "forms", 2024),
        ],
        "partners": [
            "Seniors Services, City of Toronto",
            "Toronto Public Library",
            "An ageing research centre at a Toronto university",
            "A charitable foundation",
        ],
        "contact": ("Seniors Services, City of Toronto", "seniors@toronto.city.example"),
        "related_toolkits": ["training-of-trainers-pack"],
        "related_courses": [],
    },
    {
        "slug": "city-of-boston-open-311-service-requests",
        "title": "Open 311 service requests",
        "organisation": "City of Boston",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2012, 2014),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["citizen-participation", "open-data"],
        "technologies": ["Open311"],
        "summary": (
            "Boston publishes every 311 service request and its status through the Open311 standard, so "
            "residents, developers and researchers can see what was reported and how fast it was fixed."
        ),
        "challenge": [
            (
                "Boston already let residents report potholes, graffiti and broken street lights by phone "
                "and with an early smartphone app. But the requests lived inside the city's work-order "
                "system, and only city managers could see how long work took in each neighbourhood."
            ),
            "Developers who wanted to build reporting tools had to connect to each city's system in a different way.",
        ],
        "approach": [
            (
                "From 2012 the Department of Innovation and Technology, with the Mayor's Office of New "
                "Urban Mechanics, opened the request system through the Open311 standard interface. Any "
                "app could now submit a request and read its status, and the full list of requests was "
                "published as open data, updated daily."
            ),
            (
                "Personal details were removed before publication, and free-text descriptions were "
                "checked for names and phone numbers. Public Works crews were asked to close each request "
                "with a short note on what was done, since this text was now public."
            ),
            (
                "The work used existing staff and the city's work-order vendor, with a budget of a few "
                "hundred thousand dollars."
            ),
        ],
        "results": [
            (
                "Several third-party apps and neighbourhood websites began to submit and display "
                "requests. University researchers used the data to study differences in reporting and "
                "response times between neighbourhoods, and the city used their findings to review how "
                "crews were assigned."
            ),
            (
                "Analysis showed that some neighbourhoods report far fewer problems than others with "
                "similar conditions, so response data alone does not show where need is greatest. The "
                "city began proactive street inspections in those areas."
            ),
        ],
        "lessons": [
            "Use a common standard so that tools built for other cities also work for yours.",
            "Closing notes become public text, so train crews to write them clearly.",
            "Low reporting is not low need; compare request data with inspections.",
        ],
        "indicators": [
            ("Requests submitted through apps and web", "15", "40", "%", 2014),
            ("Service requests published as open data per year", "0", "150,000", "requests", 2014),
            ("Third-party apps using the Open311 interface", "0", "6", "apps", 2014),
        ],
        "partners": [
            "Department of Innovation and Technology, City of Boston",
            "Mayor's Office of New Urban Mechanics",
            "Public Works Department",
            "A university research initiative on Boston neighbourhoods",
        ],
        "contact": ("Department of Innovation and Technology, Boston", "311data@boston.city.example"),
        "related_toolkits": ["open-data-policy-kit", "citizen-participation-playbook"],
        "related_courses": ["open-data-for-cities", "citizen-participation"],
    },
]
