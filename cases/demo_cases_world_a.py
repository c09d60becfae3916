"""Demo case studies from member cities, part a: the first twenty short cases (Busan to Prague) written out in full.

Demo data: the figures are round and plausible, not official statistics, and contacts are invented offices on
*.city.example domains. Each entry: slug, title, organisation, kind, stage, years, budget band, funding, topics,
technologies, summary, challenge, approach, results, lessons, indicators (name, baseline, result, unit, year),
partners, contact (office, email), related toolkits and courses, and relations to other cases.
"""

CASES = [
    {
        "slug": "busan-metropolitan-city-smart-parking-replicated-from-bukchon",
        "title": "Smart parking, replicated from Bukchon",
        "organisation": "Busan Metropolitan City",
        "kind": "pilot_project",
        "stage": "replicated",
        "years": (2020, 2022),
        "budget": "100k_1m",
        "funding": "ppp",
        "topics": ["urban-resilience"],
        "technologies": ["IoT", "smart parking"],
        "summary": "Busan applied Bukchon's shared-parking sensors to two old-town districts on steep hillsides, "
        "where parked cars were blocking fire engines.",
        "challenge": [
            "In the hillside neighbourhoods of Jung-gu and Dong-gu, houses built in the 1960s have no garages and "
            "the lanes are barely wider than a car. Residents park wherever they can, and more than once a fire engine "
            "lost precious minutes because a lane was blocked by parked cars.",
            "At the same time, many resident parking bays stood empty during the working day while visitors to the "
            "old-town markets circled for twenty minutes looking for a space.",
        ],
        "approach": [
            "A team from the Smart City Division visited Seoul's Bukchon pilot and copied its core idea: sensors "
            "show when a resident's bay is free, and the owner can lend it by the hour through an app. Busan kept "
            "Seoul's sharing rules and fee split, which saved months of legal work.",
            "The hillsides forced changes. Ground sensors gave false readings on slopes above eight degrees, so the "
            "consortium mounted small ultrasonic sensors on walls instead. Fire-access lanes were marked as no-parking "
            "zones with their own sensors that alert the district office after ten minutes.",
            "A local telecom operator ran the network and the app under a three-year agreement; the city paid for "
            "installation in 420 bays, roughly USD 650,000, and the operator keeps part of the parking fees.",
        ],
        "results": [
            "After two years about 180 residents lent their bays regularly, and visitors found a space faster. "
            "Fire-access lanes were blocked far less often, and the fire service now receives the lane alerts "
            "directly.",
            "Uptake among residents over 70 stayed low until the district offices added a telephone booking line. "
            "The scheme has not paid for itself; the operator's share of fees covers about half of running costs.",
        ],
        "lessons": [
            "Copy the legal and fee rules of the original pilot; adapt the hardware to your own streets.",
            "Test sensors on your worst slope or surface before ordering them in bulk.",
            "Offer a telephone route from the start if many owners are older residents.",
        ],
        "indicators": [
            ("Resident bays lent out regularly", "0", "180", "bays", 2022),
            ("Average time for a visitor to find a space", "18", "7", "minutes", 2022),
            ("Fire-access lane blockages reported per month", "40", "11", "blockages", 2022),
        ],
        "partners": [
            "Jung-gu and Dong-gu district offices",
            "Busan Fire and Disaster Headquarters",
            "A local telecom operator",
            "Seoul Metropolitan Government, Smart City Policy Bureau",
        ],
        "contact": ("Smart City Division, Busan", "smartcity@busan.city.example"),
        "related_toolkits": ["feasibility-study-template"],
        "related_courses": ["iot-for-urban-services"],
        "relations": [("replicates", "seoul-bukchon-iot-pilot")],
    },
    {
        "slug": "tokyo-metropolitan-government-earthquake-early-warning-messaging",
        "title": "Earthquake early-warning messaging",
        "organisation": "Tokyo Metropolitan Government",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2015, 2018),
        "budget": "over_10m",
        "funding": "national_grant",
        "topics": ["urban-resilience"],
        "technologies": ["cell broadcast"],
        "summary": "Warnings pushed to every phone in seconds, in five languages, followed by shelter and transport "
        "advice that foreign residents and visitors can understand.",
        "challenge": [
            "The national early-warning system already sounded on mobile phones seconds before strong shaking. "
            "But the alert and the instructions that followed were in Japanese only. Surveys after the 2011 "
            "earthquake showed that many foreign residents did not know whether to stay inside, where the nearest "
            "shelter was, or whether trains were running.",
            "Tokyo has several hundred thousand foreign residents and millions of visitors each year, and the "
            "number was rising ahead of the 2020 Olympic Games.",
        ],
        "approach": [
            "The Disaster Prevention Division did not try to replace the national alert. It built what comes after: "
            "a library of about 300 short follow-up messages, written in advance and translated into English, "
            "Chinese, Korean and easy Japanese, covering shelters, train stoppages, tsunami risk and aftershocks.",
            "The messages go out by cell broadcast through all mobile operators, so no app or registration is "
            "needed. The same texts appear on the city's disaster app, on station signage and on the multilingual "
            "website. An on-duty officer can send a pre-approved message within two minutes.",
            "The three-year programme cost over USD 10 million, most of it for signage and the app, and was largely "
            "funded by a national grant for disaster preparedness.",
        ],
        "results": [
            "In the 2018 citywide drill, follow-up messages reached phones in all five languages within two "
            "minutes of the test alert. Awareness of the alerts among foreign residents roughly doubled in the "
            "city's annual survey.",
            "Visitors remain hard to reach: many foreign phones on roaming do not display cell broadcasts, so the "
            "city now also works with hotels and airport information desks.",
        ],
        "lessons": [
            "Write and translate emergency messages in calm times; nobody can translate well during an earthquake.",
            "Messages in easy Japanese reached more people than one more foreign language would have.",
            "Check which phones actually show cell broadcasts before relying on them for visitors.",
        ],
        "indicators": [
            ("Languages of follow-up messages", "1", "5", "languages", 2018),
            ("Time from national alert to follow-up message", "15", "2", "minutes", 2018),
            ("Foreign residents aware of the alerts", "35", "72", "% of respondents", 2018),
        ],
        "partners": [
            "Bureau of General Affairs, Disaster Prevention Division",
            "National meteorological agency",
            "Mobile network operators",
            "Tokyo international exchange association for foreign residents",
        ],
        "contact": ("Disaster Prevention Division, Tokyo", "bousai@tokyo.city.example"),
        "related_toolkits": [],
        "related_courses": ["smart-city-strategy"],
    },
    {
        "slug": "taipei-city-government-taipei-smart-street-lighting",
        "title": "Smart street lighting",
        "organisation": "Taipei City Government",
        "kind": "pilot_project",
        "stage": "scaled",
        "years": (2018, 2021),
        "budget": "1m_10m",
        "funding": "ppp",
        "topics": ["urban-resilience"],
        "technologies": ["IoT", "LED"],
        "summary": "Street lights that dim late at night and report their own faults, cutting energy use by more "
        "than half and repair times from days to hours.",
        "challenge": [
            "Taipei runs well over 100,000 street lights. Faults were found only when residents phoned the hotline "
            "or a night patrol happened to pass, so a dark lane could stay dark for three days. Electricity for "
            "street lighting was one of the largest items on the Public Works energy bill.",
        ],
        "approach": [
            "The city started with a pilot of 5,000 LED lights with remote controllers in Neihu and Xinyi districts. "
            "Each controller reports power use and faults over a narrowband IoT network, and lights on residential "
            "lanes dim to 50% between 1 and 5 a.m.",
            "An energy-service company financed the lamps and controllers and is repaid from the guaranteed energy "
            "savings over eight years. The Street Lighting Office set the performance rules: minimum light levels, "
            "fault repair within 24 hours, and penalties if savings fall short.",
            "After a year the pilot's savings matched the contract, and the model was extended district by district "
            "until 2021, at a capital cost of several million US dollars paid back by the savings.",
        ],
        "results": [
            "Energy use per light fell by more than half, and most faults are now repaired the same day because the "
            "crews know the exact pole and fault before they leave.",
            "Dimming drew complaints near night markets and hospitals, which were exempted. In the first typhoon "
            "season about 2% of controllers failed from water getting in, and the housing design was changed.",
        ],
        "lessons": [
            "Pay the contractor from measured savings and write the minimum light levels into the contract.",
            "Map night-time activity before setting dimming schedules, street by street.",
            "Test outdoor electronics through a full typhoon or rainy season before scaling.",
        ],
        "indicators": [
            ("Energy use per street light", "620", "280", "kWh per year", 2021),
            ("Average time to repair a fault", "72", "10", "hours", 2021),
            ("Street lights with remote controllers", "0", "60,000", "lights", 2021),
        ],
        "partners": [
            "Public Works Department, Street Lighting Office",
            "An energy-service company",
            "A local telecom operator",
            "A university lighting laboratory",
        ],
        "contact": ("Street Lighting Office, Taipei", "streetlights@taipei.city.example"),
        "related_toolkits": ["feasibility-study-template"],
        "related_courses": ["iot-for-urban-services"],
    },
    {
        "slug": "jakarta-capital-city-government-flood-reports-from-social-media",
        "title": "Flood reports from social media",
        "organisation": "Jakarta Capital City Government",
        "kind": "research_project",
        "stage": "pilot",
        "years": (2016, 2017),
        "budget": "under_100k",
        "funding": "donor",
        "topics": ["urban-resilience", "citizen-participation"],
        "technologies": ["crowdsourcing", "GIS"],
        "summary": "Residents' flood posts, confirmed through a chat bot, mapped in real time for emergency crews "
        "during two rainy seasons.",
        "challenge": [
            "Thirteen rivers cross Jakarta, and in the rainy season streets can flood within an hour. Emergency "
            "crews relied on reports sent by radio from sub-district offices, which often arrived two hours after "
            "the water rose. Meanwhile thousands of residents were already posting photos of flooded streets "
            "online, but nobody in the control room could use them.",
        ],
        "approach": [
            "The regional disaster management agency and a university urban-risk research group tested whether "
            "social media could fill the gap. When someone posted about a flood, a chat bot replied and asked them "
            "to confirm the location and water depth with one tap and an optional photo.",
            "Confirmed reports appeared on a public map and on a screen in the control room within a minute. Field "
            "staff checked a sample of reports to measure accuracy. The study ran over two rainy seasons and cost "
            "about USD 80,000 from an international donor.",
        ],
        "results": [
            "The researchers found that confirmed reports were accurate in most checked cases and arrived far "
            "earlier than radio reports. Residents reported more once they saw their neighbours' reports on the "
            "public map.",
            "Reports came mostly from neighbourhoods where smartphone use is high. Poor riverbank settlements, "
            "often the worst flooded, were under-represented, so the agency combined the map with reports from "
            "community flood volunteers.",
        ],
        "lessons": [
            "Ask people to confirm a post instead of trying to guess meaning from free text.",
            "Show reports back to the public; visible results bring more reports.",
            "Check who is missing from crowdsourced data before using it to allocate crews.",
        ],
        "indicators": [
            ("Confirmed flood reports in the peak month", "0", "3,000", "reports", 2017),
            ("Time from rising water to report in the control room", "120", "5", "minutes", 2017),
            ("Checked reports found accurate", "", "85", "%", 2017),
        ],
        "partners": [
            "Regional Disaster Management Agency of Jakarta",
            "A university urban-risk research group",
            "Community flood volunteer networks",
        ],
        "contact": ("Disaster Data Unit, Jakarta", "floodinfo@jakarta.city.example"),
        "related_toolkits": ["citizen-participation-playbook"],
        "related_courses": ["citizen-participation"],
    },
    {
        "slug": "bangkok-metropolitan-administration-one-stop-business-permits-online",
        "title": "One-stop business permits online",
        "organisation": "Bangkok Metropolitan Administration",
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2021, 2023),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["e-government"],
        "technologies": ["web platform"],
        "summary": "Small food shops and retailers in three districts apply for all their permits with one online "
        "form instead of visiting five offices.",
        "challenge": [
            "To open a small restaurant in Bangkok, an owner needed a food-shop licence, a signboard permit, a "
            "building-use check, a waste-collection registration and a fire-safety approval. Each came from a "
            "different office, some at the district and some at City Hall. Owners made around six visits and "
            "waited about 45 days, and many opened without permits and risked fines.",
        ],
        "approach": [
            "The pilot covered the two most common business types, food shops and small retail, in three central "
            "districts. A team of district officers and designers walked through the process with 30 shop owners "
            "and removed every document the city could check itself, such as the company registration, which is "
            "now read from the national business register.",
            "Applicants fill in one online form, upload photos of the premises and pay all fees by QR code. A "
            "named case officer in the district office passes the file to the other offices and tells the owner "
            "when an inspector will come.",
            "Of the roughly USD 400,000 spent over two years, most went on the platform and on training district "
            "staff.",
        ],
        "results": [
            "In the pilot districts the average time to receive all permits fell from 45 to 18 days, and most "
            "owners visited an office only once, for the inspection meeting. About six in ten applications came "
            "online.",
            "The fire-safety office's system was not connected in time, so staff still retype those files. Owners "
            "of street-food stalls, who need different permits, were outside the pilot.",
        ],
        "lessons": [
            "A single named case officer matters more to applicants than the website design.",
            "Remove documents the city can look up before building any online form.",
            "Connect every issuing office before launch, or the one left out becomes the bottleneck.",
        ],
        "indicators": [
            ("Average time to obtain all permits", "45", "18", "days", 2023),
            ("Office visits per application", "6", "1", "visits", 2023),
            ("Applications submitted online", "0", "62", "%", 2023),
        ],
        "partners": [
            "District offices of Pathum Wan, Bang Rak and Chatuchak",
            "Department of Health, food-shop licensing",
            "National digital government agency",
            "A small restaurant owners' association",
        ],
        "contact": ("Business Services Desk, Bangkok", "business@bangkok.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "da-nang-peoples-committee-e-government-service-centre",
        "title": "E-government service centre",
        "organisation": "Da Nang People's Committee",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2014, 2017),
        "budget": "1m_10m",
        "funding": "loan",
        "topics": ["e-government"],
        "technologies": ["service bus"],
        "summary": "A service bus connected the systems of city departments, districts and wards, so residents apply "
        "once at one counter or online for many services.",
        "challenge": [
            "Each city department in Da Nang had bought its own software from a different vendor. A resident "
            "registering a house sale carried paper copies of household, land and tax documents between three or "
            "four buildings, and each office typed the same data again. Ward offices kept many records only on "
            "paper.",
        ],
        "approach": [
            "The city built a service bus, a shared integration layer, that lets department systems exchange "
            "records instead of asking residents for copies. Citizen, land and business records became shared "
            "reference data with one owner each.",
            "A public administration centre opened with one-stop counters for all departments, and the same "
            "applications went online. District and ward offices were linked step by step over three years, and "
            "more than 1,500 officials were trained by a pool of internal trainers.",
            "The work cost several million US dollars, financed by a concessional loan from a bilateral development "
            "fund, with technical advice from a partner city abroad.",
        ],
        "results": [
            "The number of procedures that can be completed online grew from a few dozen to several hundred, and "
            "most applications now need one document copy instead of four. Other Vietnamese cities visited the "
            "centre to learn from the model.",
            "Online use grew slower than expected: by 2017 about a third of applications came online, as many "
            "people still preferred the counter, and online payment only arrived later.",
        ],
        "lessons": [
            "Agree who owns each shared record before connecting systems.",
            "Train internal trainers so that ward staff learn from colleagues they know.",
            "Plan online payment together with online applications, not as a later phase.",
        ],
        "indicators": [
            ("Procedures that can be completed online", "40", "900", "procedures", 2017),
            ("Applications received online", "2", "35", "%", 2017),
            ("Document copies required per application", "4", "1", "copies", 2017),
        ],
        "partners": [
            "Department of Information and Communications",
            "City IT infrastructure centre",
            "A bilateral development cooperation agency",
            "District and ward people's committees",
        ],
        "contact": ("Department of Information and Communications, Da Nang", "egov@da-nang.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit", "training-of-trainers-pack"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "pune-municipal-corporation-feasibility-of-a-city-data-platform",
        "title": "Feasibility of a city data platform",
        "organisation": "Pune Municipal Corporation",
        "kind": "feasibility_study",
        "stage": "feasibility",
        "years": (2022, 2022),
        "budget": "under_100k",
        "funding": "national_grant",
        "topics": ["data-governance", "open-data"],
        "technologies": ["data platform"],
        "summary": "Three options for a shared data platform across municipal departments, compared on cost, skills "
        "and risk, with a recommendation to federate rather than centralise.",
        "challenge": [
            "Pune's departments for property tax, water supply, solid waste and roads each hold data about the same "
            "properties and streets, but they rarely share it. Spreadsheets travel by email, addresses are written "
            "differently in each system, and nobody could say how many properties paid tax but had no water "
            "connection, or the reverse.",
        ],
        "approach": [
            "Over six months, a small team from the city's data office and a local engineering college listed 140 "
            "data sets in 12 departments, recorded who maintains them and how often, and checked their quality.",
            "The study compared three options over five years: buying a commercial city platform, building a "
            "central platform on open-source software in the state data centre, or a federated model where "
            "departments keep their systems and publish data through a shared catalogue and APIs. Department heads "
            "scored the options in two workshops.",
            "The study cost under USD 60,000, paid from a national urban development grant.",
        ],
        "results": [
            "The study recommended the federated model, at an estimated USD 2.4 million over five years, with a "
            "city data office of five people. The commercial option was cheapest to start but the most expensive "
            "by year five.",
            "Its main finding was that technology is not the obstacle: without a single address register, no "
            "platform could join the data. It proposed three first uses: matching tax and water records, waste "
            "collection routes, and bus ridership by ward.",
        ],
        "lessons": [
            "An inventory of data sets is useful on its own and is the cheapest part to do first.",
            "Compare costs over five years, not only the purchase price.",
            "Fix the address register before promising joined-up data.",
        ],
        "indicators": [
            ("Data sets inventoried", "", "140", "data sets", 2022),
            ("Departments surveyed", "", "12", "departments", 2022),
            ("Data sets already in machine-readable form", "", "30", "%", 2022),
            ("Estimated five-year cost of the recommended option", "", "2.4", "USD million", 2022),
        ],
        "partners": [
            "Pune Smart City Development Corporation",
            "A local engineering college",
            "State data centre",
        ],
        "contact": ("City Data Office, Pune", "data@pune.city.example"),
        "related_toolkits": ["feasibility-study-template", "open-data-policy-kit"],
        "related_courses": ["open-data-for-cities"],
    },
    {
        "slug": "city-of-sydney-open-data-for-street-trees",
        "title": "Open data for street trees",
        "organisation": "City of Sydney",
        "kind": "pilot_project",
        "stage": "scaled",
        "years": (2019, 2020),
        "budget": "under_100k",
        "funding": "city_budget",
        "topics": ["open-data", "urban-resilience"],
        "technologies": ["open API"],
        "summary": "Every street and park tree the city manages, with species, age and canopy, published as open "
        "data and updated weekly for researchers, schools and app makers.",
        "challenge": [
            "The city's tree inventory lived in an internal asset system used only by the urban forest team. "
            "Researchers studying summer heat, residents asking which trees would be planted on their street, and "
            "developers building nature apps all had to send requests, and each answer was a one-off spreadsheet.",
            "The council had also set a target to increase canopy cover, and wanted the public to be able to "
            "follow progress rather than take it on trust.",
        ],
        "approach": [
            "The urban forest and open data teams spent four months cleaning the inventory: duplicate records were "
            "merged, species names standardised, and trees on private land removed to protect owners' privacy. "
            "Each tree got a stable identifier so that re-users could link their own data to it.",
            "The data set was published under an open licence with an API and a weekly update. A one-day event "
            "with a local civic-tech group tested it before launch, and their feedback led to adding canopy spread "
            "and planting year.",
            "Most of the cost was staff time; direct spending stayed under USD 50,000.",
        ],
        "results": [
            "Within a year the data was used in university heat-island studies, a pollen-allergy map, school "
            "biodiversity projects and a tree-walk app. Requests for spreadsheets to the urban forest team almost "
            "stopped.",
            "Tree condition is only updated after inspections, every two to three years, so users must treat it "
            "with care. Offers from residents to correct records are not yet taken into the system.",
        ],
        "lessons": [
            "Give every asset a stable identifier before publishing; re-users depend on it.",
            "Let a civic-tech group try the data before launch; they find gaps quickly.",
            "Say clearly how old each field is, especially condition data.",
        ],
        "indicators": [
            ("Trees in the published data set", "0", "46,000", "trees", 2020),
            ("API calls per month", "0", "12,000", "calls", 2020),
            ("Known re-uses (apps, studies, school projects)", "0", "15", "re-uses", 2020),
        ],
        "partners": [
            "Urban Forest team",
            "City open data team",
            "A university urban heat research group",
            "A local civic-tech community group",
        ],
        "contact": ("Urban Forest Team, Sydney", "trees@sydney.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["open-data-for-cities"],
    },
    {
        "slug": "auckland-council-digital-twin-for-flood-planning",
        "title": "Digital twin for flood planning",
        "organisation": "Auckland Council",
        "kind": "research_project",
        "stage": "pilot",
        "years": (2023, 2025),
        "budget": "1m_10m",
        "funding": "national_grant",
        "topics": ["urban-resilience"],
        "technologies": ["digital twin", "GIS"],
        "summary": "A 3D model of three urban catchments to test flood defences before building them, and to show "
        "communities what each option would change on their street.",
        "challenge": [
            "The storms of early 2023 flooded thousands of Auckland homes, some in streets that had never flooded "
            "before. The council's stormwater models existed for each catchment, but running a new scenario took "
            "specialists about two weeks, and the results were maps that residents found hard to read.",
            "The council had to decide quickly where to upgrade pipes, where to make room for water and, in a few "
            "places, where homes should be bought out.",
        ],
        "approach": [
            "Healthy Waters, the council's stormwater team, worked with a university engineering faculty and the "
            "national institute for water and atmospheric research. They combined aerial laser survey data, the "
            "pipe network, building outlines and rainfall radar in a 3D model of three catchments.",
            "The team tested options side by side: larger pipes, detention ponds in parks, and opening up a "
            "piped stream into a green corridor. A mana whenua advisory group helped shape the stream options, "
            "and community sessions used the model on a large screen.",
            "The research runs for three years and costs several million US dollars, mostly from a national "
            "resilience fund.",
        ],
        "results": [
            "First findings: a scenario now runs in about half a day. Some pipe upgrades only moved flooding "
            "further downstream, while the daylighted stream corridor reduced flooding of homes in every storm "
            "tested.",
            "Private drainage on many properties is still unknown, which limits accuracy street by street. The "
            "council has not yet decided who will pay to keep the model up to date after the research ends.",
        ],
        "lessons": [
            "Fast scenario runs change the conversation from one proposed design to a choice between options.",
            "Show uncertainty on the screen; residents trusted the model more when its limits were visible.",
            "Budget for maintaining a digital twin before building it.",
        ],
        "indicators": [
            ("Catchments modelled in 3D", "0", "3", "catchments", 2024),
            ("Time to run a design-storm scenario", "10", "0.5", "working days", 2024),
            ("Flood-defence options tested", "0", "24", "options", 2024),
        ],
        "partners": [
            "Healthy Waters, Auckland Council",
            "A university engineering faculty",
            "National institute for water and atmospheric research",
            "Mana whenua advisory group",
        ],
        "contact": ("Healthy Waters, Auckland", "healthywaters@auckland.city.example"),
        "related_toolkits": [],
        "related_courses": ["smart-city-strategy"],
    },
    {
        "slug": "municipality-of-barcelona-participatory-budgeting-platform",
        "title": "Participatory budgeting platform",
        "organisation": "Municipality of Barcelona",
        "kind": "scaled_deployment",
        "stage": "replicated",
        "years": (2016, 2021),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["citizen-participation"],
        "technologies": ["open source", "web platform"],
        "summary": "An open-source platform for proposals, debates and votes, first used for the city's action plan "
        "and then for a participatory budget, and since re-used by many other governments.",
        "challenge": [
            "Barcelona ran many consultations, each on a different commercial tool. The city could not audit how "
            "votes were counted, the data stayed with the vendors, and every new process started from zero. "
            "Residents had no way to follow what happened to their proposals afterwards.",
        ],
        "approach": [
            "In 2016 the city's municipal IT institute built its own participation platform as free software, "
            "with public code and a social contract that commits the city to transparency and data protection. "
            "Its modules cover proposals, in-person meetings, debates, voting and an accountability tracker that "
            "shows the progress of every adopted proposal.",
            "The first large use was the municipal action plan, where residents and associations made about 10,000 "
            "proposals online and in meetings. Later, a participatory budget let residents propose and vote on "
            "investments in their districts, after technical staff checked that each project was feasible.",
            "The first version cost several hundred thousand US dollars; later development was shared with other "
            "public bodies through an association of users and developers.",
        ],
        "results": [
            "Most adopted proposals can be followed to delivery on the tracker, and the platform is now used by "
            "hundreds of cities, regions and organisations in several countries.",
            "Participation was highest among educated, middle-aged residents, so in-person meetings stayed "
            "essential. Delays in building some winning budget projects hurt trust in the districts concerned.",
        ],
        "lessons": [
            "Owning the code lets a city audit its own votes and share the cost with others.",
            "The accountability tracker is what residents check most; plan it from the start.",
            "Deliver winning projects on time, or the next vote will draw fewer people.",
        ],
        "indicators": [
            ("Proposals for the municipal action plan", "", "10,000", "proposals", 2016),
            ("Budget decided by residents' vote", "0", "30", "EUR million", 2021),
            ("Organisations re-using the platform", "1", "300", "organisations", 2021),
        ],
        "partners": [
            "Municipal Institute of Informatics",
            "District councils",
            "An association of platform users and developers",
            "A university research group on democratic innovation",
        ],
        "contact": ("Participation Office, Barcelona", "participation@barcelona.city.example"),
        "related_toolkits": ["citizen-participation-playbook"],
        "related_courses": ["citizen-participation"],
    },
    {
        "slug": "madrid-city-council-online-citizen-proposals-after-oasis",
        "title": "Online citizen proposals, after Oasis",
        "organisation": "Madrid City Council",
        "kind": "pilot_project",
        "stage": "replicated",
        "years": (2015, 2017),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["citizen-participation"],
        "technologies": ["open source"],
        "summary": "Following Seoul's Oasis, Madrid let residents post proposals; those that reach a support threshold "
        "go to a citywide vote.",
        "challenge": [
            "Madrid's new council in 2015 promised that residents could put their own ideas on the agenda, not "
            "only comment on the city's plans. The existing suggestion box gave no public answer and no way to see "
            "how many others agreed.",
        ],
        "approach": [
            "The participation team studied Seoul's Oasis system, where popular proposals receive a public answer. "
            "Madrid kept the idea of a support threshold but changed the next step: instead of an expert panel, "
            "proposals with support from 1% of residents aged over 16 go to a binding citywide vote.",
            "The software was written in-house as open source, with identity checked against the municipal "
            "population register so that each resident supports a proposal only once. Residents without internet "
            "could support and vote at citizen service offices.",
            "Building the software and promoting it cost a little under USD 1 million over two years.",
        ],
        "results": [
            "Hundreds of thousands of residents registered, and thousands of proposals were posted. But only two "
            "proposals reached the threshold in the first two years: a single public transport ticket and a plan "
            "for a sustainable city. Both passed in the 2017 vote and entered city plans.",
            "The threshold proved too high for most ideas. The open-source code was soon adopted by many other "
            "Spanish and Latin American cities.",
        ],
        "lessons": [
            "Set the threshold with real numbers from a trial period, not by principle.",
            "Oasis's expert review step helped good but less popular ideas; Madrid missed it.",
            "Offer support and voting at service counters for residents who are not online.",
        ],
        "indicators": [
            ("Registered users", "0", "300,000", "people", 2017),
            ("Proposals reaching the support threshold", "", "2", "proposals", 2017),
            ("Residents voting in the first citywide vote", "", "200,000", "people", 2017),
        ],
        "partners": [
            "Area for Citizen Participation",
            "Municipal IT agency",
            "Citizen service offices",
            "Seoul Metropolitan Government (study exchange)",
        ],
        "contact": ("Citizen Participation Area, Madrid", "participa@madrid.city.example"),
        "related_toolkits": ["citizen-participation-playbook"],
        "related_courses": ["citizen-participation"],
        "relations": [("replicates", "seoul-oasis-citizen-proposals")],
    },
    {
        "slug": "city-of-lisbon-mobility-data-lab",
        "title": "Mobility data lab",
        "organisation": "City of Lisbon",
        "kind": "research_project",
        "stage": "pilot",
        "years": (2021, 2023),
        "budget": "100k_1m",
        "funding": "donor",
        "topics": ["smart-mobility", "data-governance"],
        "technologies": ["big data"],
        "summary": "Anonymised data from buses, bike share, parking and scooters shared with universities under one "
        "agreement, in a secure environment where only aggregate results leave.",
        "challenge": [
            "Lisbon's universities wanted to study how people move around the city, and the city wanted answers. "
            "But each data set belonged to a different body: the municipal bus company, the parking company, the "
            "bike-share scheme and private scooter operators. Every research team negotiated its own agreements, "
            "and legal review alone often took six months.",
        ],
        "approach": [
            "The city's data lab wrote one data-sharing agreement with three levels of anonymisation, signed once "
            "by each data provider. Researchers work inside a secure environment in the city's data centre: they "
            "can run code on the data, but only aggregated results can leave, after a check.",
            "City departments set six research questions, such as where scooters are parked badly and why buses "
            "bunch on certain routes. Universities applied with proposals and were selected by a joint panel.",
            "The two-year lab cost about USD 600,000, funded by a philanthropic foundation, with city staff time "
            "on top.",
        ],
        "results": [
            "Nine research projects were completed. Their findings led to new scooter parking zones, changed "
            "bike-share rebalancing at night and a bus-priority study on two routes. Access to data now takes "
            "about three weeks.",
            "Two scooter operators shared only part of their data. Researchers using machine learning found the "
            "secure environment too slow and asked for more computing power.",
        ],
        "lessons": [
            "One agreement signed by all providers saves more time than any technology.",
            "Let the city set the research questions, so that results are used.",
            "Size the secure computing environment for the heaviest methods, not the average.",
        ],
        "indicators": [
            ("Time to grant researchers access to data", "26", "3", "weeks", 2023),
            ("Data sets in the secure environment", "0", "35", "data sets", 2023),
            ("Research projects completed", "0", "9", "projects", 2023),
        ],
        "partners": [
            "Municipal bus company",
            "Municipal parking and mobility company",
            "A technical university's transport research centre",
            "Shared-scooter operators",
        ],
        "contact": ("Urban Data Lab, Lisbon", "datalab@lisbon.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["data-driven-transport"],
    },
    {
        "slug": "city-of-paris-feasibility-of-low-traffic-school-streets",
        "title": "Feasibility of low-traffic school streets",
        "organisation": "City of Paris",
        "kind": "feasibility_study",
        "stage": "feasibility",
        "years": (2020, 2020),
        "budget": "under_100k",
        "funding": "city_budget",
        "topics": ["smart-mobility"],
        "technologies": ["traffic counters"],
        "summary": "Which school streets could close to cars at school times, and what it would cost: a screening of "
        "every public school entrance with traffic counts at forty of them.",
        "challenge": [
            "Children in Paris walk to school along streets with heavy traffic and high nitrogen dioxide levels. "
            "Parents' associations asked for streets outside schools to be closed to cars, but the city had no way "
            "to say which of its more than 600 school entrances could close without moving traffic onto other "
            "streets.",
        ],
        "approach": [
            "Over eight months, the roads directorate screened every street with a public school entrance. The "
            "criteria were traffic volume, bus routes, delivery access, emergency access, street width and air "
            "quality estimates from the regional monitoring network.",
            "At 40 schools where data was missing, temporary counters measured traffic for two weeks. The study "
            "costed three models: barriers staffed at school times, permanent pedestrian streets with planters, "
            "and camera-enforced access rules. District town halls and parents took part in workshops.",
            "The study itself cost about EUR 70,000, mainly for the traffic counts and the workshops.",
        ],
        "results": [
            "The study found that about 100 streets could close quickly with light measures, 40 more needed "
            "building works, and the rest were unsuitable because of bus routes or emergency access.",
            "It recommended against staffed barriers, which would cost more in staff time within three years than "
            "permanent works. It proposed starting with planters and street furniture, at roughly EUR 25,000 to "
            "150,000 per street, and measuring air quality before and after.",
        ],
        "lessons": [
            "Screen every candidate with the same criteria, so that the choice is seen as fair.",
            "Count traffic where data is missing; short counts were cheap and settled many arguments.",
            "Compare running costs: staffed closures look cheap but are not.",
        ],
        "indicators": [
            ("School streets screened", "", "600", "streets", 2020),
            ("Streets suitable for quick closure", "", "100", "streets", 2020),
            ("Schools with temporary traffic counts", "0", "40", "schools", 2020),
        ],
        "partners": [
            "Roads and Travel Directorate",
            "Schools Directorate",
            "Regional air quality monitoring network",
            "District town halls and parents' associations",
        ],
        "contact": ("Roads and Travel Directorate, Paris", "voirie@paris.city.example"),
        "related_toolkits": ["feasibility-study-template"],
        "related_courses": ["data-driven-transport"],
    },
    {
        "slug": "free-and-hanseatic-city-of-hamburg-port-traffic-digital-twin",
        "title": "Port traffic digital twin",
        "organisation": "Free and Hanseatic City of Hamburg",
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2019, 2022),
        "budget": "over_10m",
        "funding": "ppp",
        "topics": ["smart-mobility"],
        "technologies": ["digital twin", "IoT"],
        "summary": "Traffic lights, lift bridges and terminal bookings around the port coordinated by a live model "
        "that predicts truck queues half an hour ahead.",
        "challenge": [
            "Tens of thousands of trucks a day drive through Hamburg's port, sharing a handful of roads and lift "
            "bridges with commuters and freight trains. When a bridge opens for a ship, queues form within minutes, "
            "and traffic lights on the approach roads did not know that it was happening. Terminals also released "
            "trucks in waves, so the same junctions were blocked at the same hours each day.",
        ],
        "approach": [
            "The port authority, the city's road agency and the container terminal operators built a live model of "
            "the port road network. It is fed by road detectors, bridge status, train crossings and the time slots "
            "that trucks book at the terminals, and it forecasts congestion 30 minutes ahead.",
            "On one pilot corridor, the model adjusts twelve traffic lights and the variable message signs, and "
            "sends route advice to drivers who use the port's truck app. A local telecom operator provided a "
            "private mobile network for the roadside units.",
            "Over three years the pilot cost more than USD 10 million, shared between the city, the port authority, "
            "the terminal operators and the telecom operator.",
        ],
        "results": [
            "Average truck travel time across the pilot corridor fell by about a sixth, and queues after bridge "
            "openings cleared faster. Terminals began to spread their truck slots more evenly once they could see "
            "the forecasts.",
            "Only a minority of drivers used the app, many of them from foreign haulage firms. Data sharing with "
            "terminals needed long contracts, and the model needs a permanent team to stay accurate.",
        ],
        "lessons": [
            "Bridge openings and terminal slots predicted queues better than road sensors alone.",
            "Sign data-sharing contracts with private operators before building the model.",
            "Use signs on the road, not only an app, when many drivers are from elsewhere.",
        ],
        "indicators": [
            ("Average truck travel time across the pilot corridor", "24", "20", "minutes", 2022),
            ("Traffic lights controlled by the model", "0", "12", "traffic lights", 2022),
            ("Trucks receiving route advice", "0", "18", "%", 2022),
        ],
        "partners": [
            "Hamburg Port Authority",
            "The city's road, bridge and waterway agency",
            "Container terminal operators",
            "A local telecom operator",
        ],
        "contact": ("Port Road Traffic Management, Hamburg", "porttraffic@hamburg.city.example"),
        "related_toolkits": [],
        "related_courses": ["data-driven-transport", "iot-for-urban-services"],
    },
    {
        "slug": "city-of-vienna-digital-city-services-app",
        "title": "Digital city services app",
        "organisation": "City of Vienna",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2018, 2020),
        "budget": "1m_10m",
        "funding": "city_budget",
        "topics": ["e-government"],
        "technologies": ["mobile app"],
        "summary": "One app for parking tickets, permits, problem reports and waste dates, with a single login, "
        "which replaced most of the city's fourteen separate apps.",
        "challenge": [
            "By 2017 Vienna's departments had published fourteen separate apps: one for short-stay parking, one "
            "for reporting problems in public space, others for waste collection, libraries and events. Each had "
            "its own login and design, several were rated poorly in the app stores, and each needed its own "
            "maintenance contract.",
        ],
        "approach": [
            "The city's IT department built one app with modules, working with a user-experience agency and "
            "testing every release with residents, including members of the association of blind and partially "
            "sighted people. Residents sign in once with their city account, and can add the national electronic "
            "identity for services that need it.",
            "Parking tickets, problem reports with photos, permit status and appointments came first, because they "
            "had the most users. Old apps were switched off one at a time, each with three months' notice inside "
            "the app.",
            "The programme cost about USD 4 million over three years, paid partly from the savings on retired "
            "maintenance contracts.",
        ],
        "results": [
            "Fourteen apps became three, and the single app reached about a quarter of a million monthly users. "
            "Three in four short-stay parking tickets are now bought by phone, and its store rating rose from "
            "under three stars to above four.",
            "Older residents use it less than the web and telephone. Two departments delayed their modules, so "
            "residents still need a second app for libraries and for events.",
        ],
        "lessons": [
            "Start with the services people use every week, such as parking, to build the user base.",
            "Announce the end of each old app inside it, well in advance.",
            "Accessibility testing with disabled users found problems that automated checks missed.",
        ],
        "indicators": [
            ("Separate city apps", "14", "3", "apps", 2020),
            ("Monthly active users", "", "250,000", "users", 2020),
            ("Short-stay parking tickets bought by phone", "40", "75", "%", 2020),
            ("Average app store rating", "2.9", "4.4", "stars", 2020),
        ],
        "partners": [
            "Municipal IT department",
            "Parking management department",
            "Association of blind and partially sighted people",
            "A user-experience agency",
        ],
        "contact": ("Digital Services Office, Vienna", "app@vienna.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "city-of-amsterdam-algorithm-register",
        "title": "Algorithm register",
        "organisation": "City of Amsterdam",
        "kind": "research_project",
        "stage": "scaled",
        "years": (2020, 2022),
        "budget": "under_100k",
        "funding": "city_budget",
        "topics": ["data-governance"],
        "technologies": ["AI", "transparency"],
        "summary": "A public register explaining each algorithm the city uses: what it decides, which data it uses, "
        "who checks it and how residents can object.",
        "challenge": [
            "The city used algorithms to plan parking enforcement by scan car, to sort residents' reports about "
            "public space and to flag possible illegal holiday rentals. After a national scandal in which an "
            "algorithm wrongly labelled families as benefit fraudsters, the council and residents wanted to know "
            "where the city used such systems and how they were controlled.",
        ],
        "approach": [
            "The Chief Technology Office ran a research project with a university law and technology group to "
            "find out what residents actually want to know about an algorithm. Interviews and tests produced a "
            "standard entry: purpose, data used, how a human stays in charge, risks such as discrimination and how "
            "they are checked, and a contact to ask questions or object.",
            "The register was built on a platform from a Finnish software company and launched in 2020 together "
            "with Helsinki, starting with three systems. New contracts now require vendors to supply the "
            "information for an entry, and the data protection officer reviews each one before publication. "
            "Research and licences cost less than USD 100,000; existing staff did most of the work.",
        ],
        "results": [
            "The register grew to about thirty entries in two years and its format was taken up in national "
            "guidance for public bodies. Council members use it to ask informed questions.",
            "Few residents visit it directly; most questions come from journalists and researchers. Writing "
            "entries in plain language took much longer than the project expected.",
        ],
        "lessons": [
            "Ask residents what they want to know before designing the register's fields.",
            "Make register entries a condition in procurement contracts.",
            "Plan for plain-language editing; technical staff cannot do it alone.",
        ],
        "indicators": [
            ("Algorithms described in the register", "0", "30", "algorithms", 2022),
            ("Questions and objections received through the register", "", "120", "messages", 2022),
        ],
        "partners": [
            "Chief Technology Office",
            "A university law and technology research group",
            "City of Helsinki",
            "A Finnish AI-transparency software company",
        ],
        "contact": ("Chief Technology Office, Amsterdam", "algorithms@amsterdam.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["smart-city-strategy"],
    },
    {
        "slug": "city-of-tallinn-once-only-principle-for-residents",
        "title": "Once-only principle for residents",
        "organisation": "City of Tallinn",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2017, 2019),
        "budget": "100k_1m",
        "funding": "national_grant",
        "topics": ["e-government"],
        "technologies": ["X-Road", "eID"],
        "summary": "Residents never give the city the same information twice: city e-services fetch data from "
        "national registers through X-Road, and every query is logged for the resident to see.",
        "challenge": [
            "Estonian law already said that public bodies must not ask people for data the state holds. Yet a "
            "review in 2016 found about 60 city forms in Tallinn that still asked for income certificates, "
            "birth certificates or proof of address. Low-income families applying for benefits collected papers "
            "from three agencies before they could apply to the city.",
        ],
        "approach": [
            "The city's strategy centre went through every form with the departments that own them. Each field "
            "was kept only if no register already held the data. City e-services were then connected through "
            "X-Road, the national data exchange layer, to the population register, the tax board and the health "
            "insurance fund.",
            "Residents sign in with their electronic identity, and the form arrives already filled in; they only "
            "check it and add what is genuinely new. Each query to a register is logged, and residents can see in "
            "the state portal which official looked at their data and why.",
            "A national grant for digital services paid for the three years of work, just under USD 1 million, "
            "most of it developers' time on the X-Road connections.",
        ],
        "results": [
            "Most forms that asked for existing data were cut or pre-filled, and the average form became much "
            "shorter. Decisions on low-income benefits now take days rather than weeks, because officials no "
            "longer wait for paper certificates.",
            "Some services still need documents from abroad or from private bodies, and residents without an "
            "electronic identity still fill in full paper forms.",
        ],
        "lessons": [
            "Review each form field by field with its owner; a law alone does not remove old fields.",
            "Show residents who looked at their data; it makes automatic data use acceptable.",
            "Keep a paper route for people without an electronic identity.",
        ],
        "indicators": [
            ("City forms asking for data the state already holds", "60", "8", "forms", 2019),
            ("Fields in an average application form", "25", "9", "fields", 2019),
            ("Time to decide a low-income benefit", "20", "7", "days", 2019),
        ],
        "partners": [
            "Tallinn Strategy Centre",
            "National information system authority",
            "Social Welfare and Health Care Department",
            "Education Department",
        ],
        "contact": ("Strategy Centre, Tallinn", "eservices@tallinn.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "city-of-helsinki-ai-register-after-amsterdam",
        "title": "AI register, after Amsterdam",
        "organisation": "City of Helsinki",
        "kind": "pilot_project",
        "stage": "replicated",
        "years": (2020, 2022),
        "budget": "under_100k",
        "funding": "city_budget",
        "topics": ["data-governance"],
        "technologies": ["AI", "transparency"],
        "summary": "Helsinki's register of city algorithms, built with Amsterdam on a shared format and written in "
        "Finnish, Swedish and English, with a feedback form for every entry.",
        "challenge": [
            "Helsinki had started to use AI in services that residents meet directly: chat bots for parking and "
            "for health-centre questions, and a library service that recommends books. Residents had no way to "
            "know when they were talking to a machine, what data it used, or whom to ask about it.",
        ],
        "approach": [
            "The city's digitalisation unit joined Amsterdam to develop a common register format, using the same "
            "software platform so that both cities could share the cost and compare entries. Helsinki adapted it "
            "to its bilingual status: every entry appears in Finnish and Swedish, with an English version.",
            "Helsinki focused on systems residents interact with, and added a feedback form to every entry that "
            "goes straight to the responsible service. Project managers received a short guide and a one-hour "
            "training on how to describe their system honestly, including its limits.",
            "The first phase cost under USD 100,000, mostly in staff time and licences.",
        ],
        "results": [
            "The register opened in 2020 with a few chat bots and the library service and grew to about a dozen "
            "entries. Several other Finnish and European cities have since used the same format.",
            "Feedback has been modest but useful: residents pointed out that the health chat bot did not say "
            "clearly when to call a nurse instead. Services built before the register are described more slowly "
            "than new ones.",
        ],
        "lessons": [
            "Sharing one format with another city halves the design work and makes registers comparable.",
            "A feedback form on each entry turns the register from a list into a channel.",
            "Begin with the systems residents meet directly; they raise the most questions.",
        ],
        "indicators": [
            ("Systems described in the register", "0", "12", "systems", 2022),
            ("Languages of each entry", "", "3", "languages", 2022),
            ("Feedback messages from residents", "", "60", "messages", 2022),
        ],
        "partners": [
            "Digitalisation unit, City Executive Office",
            "City of Amsterdam",
            "Helsinki City Library",
            "A Finnish AI-transparency software company",
        ],
        "contact": ("Digitalisation Unit, Helsinki", "ai-register@helsinki.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["smart-city-strategy"],
        "relations": [("replicates", "city-of-amsterdam-algorithm-register")],
    },
    {
        "slug": "city-of-copenhagen-air-quality-sensors-on-mail-vans",
        "title": "Air-quality sensors on mail vans",
        "organisation": "City of Copenhagen",
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2018, 2020),
        "budget": "100k_1m",
        "funding": "ppp",
        "topics": ["urban-resilience", "open-data"],
        "technologies": ["IoT", "air quality"],
        "summary": "Sensors on postal delivery vans map air quality street by street, because the vans pass the same "
        "streets almost every working day.",
        "challenge": [
            "Copenhagen had only a few fixed air-quality stations. They are accurate, but nitrogen dioxide and "
            "fine particles can differ greatly between two streets a block apart. The city was planning cycle "
            "routes, school-street measures and a stricter low-emission zone, and needed to know where people "
            "actually breathe the worst air.",
        ],
        "approach": [
            "The city agreed with the national postal operator and a sensor manufacturer to fit 20 delivery vans "
            "with sensors for nitrogen dioxide, fine particles and black carbon. Because the vans drive similar "
            "routes daily, each street segment is measured dozens of times a year.",
            "A university environmental science department calibrated the sensors against the fixed stations "
            "every month and turned the readings into annual averages per street segment. The averages are "
            "published as open data and on a public map.",
            "The postal operator contributed the vans and its drivers' time; the city's share, mainly sensors "
            "and analysis, came to about USD 500,000 over two years.",
        ],
        "results": [
            "The map covers several thousand street segments and shows hotspots at busy junctions and narrow "
            "streets with heavy buses, often two or three times the levels of nearby side streets. Planners used "
            "it to route two new cycle connections and to choose school streets.",
            "Vans drive during the day only, so evening and night levels are missing. Fine-particle readings "
            "drifted more than nitrogen dioxide and needed frequent correction.",
        ],
        "lessons": [
            "Vehicles on fixed daily routes give repeated measurements at almost no extra cost.",
            "Low-cost sensors are usable only with regular calibration against reference stations.",
            "Publish averages, not single readings, to avoid alarming headlines.",
        ],
        "indicators": [
            ("Sensor-equipped vans", "0", "20", "vans", 2019),
            ("Street segments with measured air quality", "", "4,500", "segments", 2020),
            ("Fixed reference stations used for calibration", "", "4", "stations", 2020),
        ],
        "partners": [
            "Technical and Environmental Administration",
            "National postal operator",
            "A university environmental science department",
            "A sensor manufacturer",
        ],
        "contact": ("Air Quality Team, Copenhagen", "air@copenhagen.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["iot-for-urban-services"],
    },
    {
        "slug": "capital-city-of-prague-energy-monitoring-of-public-buildings",
        "title": "Energy monitoring of public buildings",
        "organisation": "Capital City of Prague",
        "kind": "pilot_project",
        "stage": "scaled",
        "years": (2019, 2022),
        "budget": "1m_10m",
        "funding": "donor",
        "topics": ["urban-resilience"],
        "technologies": ["smart meters"],
        "summary": "Smart meters in schools, offices and care homes found savings quickly: heating left on at "
        "weekends, hidden water leaks and lights burning in empty buildings.",
        "challenge": [
            "The city pays energy bills for hundreds of buildings it owns, from secondary schools to care homes. "
            "Meters were read by hand once a month or once a quarter, and bills were paid centrally without "
            "anyone comparing buildings. Nobody noticed when a school heated its gym all weekend or a pipe "
            "leaked under a car park.",
        ],
        "approach": [
            "The city's energy management office fitted smart meters for electricity, heat, gas and water in 30 "
            "schools first, sending readings every 15 minutes to a monitoring system. A team of four energy "
            "managers reviewed the data and set alerts for unusual use at night and at weekends.",
            "Caretakers were trained to read the dashboards, and schools competed to save energy, with the savings "
            "partly returned to their budgets. After the first year, the system was extended to offices and "
            "social care homes.",
            "The programme cost about USD 3 million over four years, mostly funded by a European donor fund for "
            "energy efficiency, with a contractor installing and maintaining the meters.",
        ],
        "results": [
            "Energy use in the pilot schools fell by about 12% in the first year, mostly by fixing heating "
            "schedules, with little investment. Dozens of water leaks were found within days instead of at the "
            "next bill, and the system now covers about 300 buildings.",
            "Buildings run by the city districts were not included, and savings slipped in schools where the "
            "caretaker changed and nobody else watched the dashboard.",
        ],
        "lessons": [
            "Fix operating schedules first; they save the most for the least money.",
            "Return part of the savings to each building, or interest fades after the first year.",
            "Name a person in each building who watches the data, and train the next one.",
        ],
        "indicators": [
            ("Buildings with 15-minute metering", "0", "300", "buildings", 2022),
            ("Energy use in the pilot schools", "100", "88", "index (2018 = 100)", 2020),
            ("Water leaks found through alerts", "0", "45", "leaks", 2022),
        ],
        "partners": [
            "Energy Management Office, Prague City Hall",
            "A technical university's building energy institute",
            "A metering and maintenance contractor",
            "School directors and caretakers",
        ],
        "contact": ("Energy Management Office, Prague", "energy@prague.city.example"),
        "related_toolkits": ["smart-city-maturity-self-assessment"],
        "related_courses": ["iot-for-urban-services"],
    },
]
