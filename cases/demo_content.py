"""The demo case library: Seoul's smart-city practices in detail, and the earlier cases.

Illustrative content written for the demo site: the organisations are real member cities, but these case
studies are not official records of them (the case page says so). The member cities' cases are in
``demo_cases_world_a`` and ``demo_cases_world_b``, in the same format. One case is a dict:

    {
        "slug": "busan-metropolitan-city-smart-parking-replicated-from-bukchon",  # never change a seeded slug
        "title": "...",
        "organisation": "Busan Metropolitan City",  # exact name from members/demo_data/organisations.csv
        "kind": "pilot_project",  # a CasePage.Kind value
        "stage": "replicated",  # a CasePage.Stage value
        "years": (2020, 2022),  # (start, end); end None = ongoing
        "budget": "100k_1m",  # a CasePage.BudgetBand value
        "funding": "ppp",  # a CasePage.Funding value
        "topics": ["urban-resilience"],  # topic slugs (core/demo.py)
        "technologies": ["IoT", "smart parking"],
        "summary": "one or two sentences",
        "challenge": ["paragraph", ...],
        "approach": ["paragraph", ...],
        "results": ["paragraph", ...],
        "lessons": ["lesson", ...],  # shown as a list
        "indicators": [("indicator", "baseline", "result", "unit", 2021), ...],  # year measured (31 December)
        "partners": ["...", ...],  # one organisation or team each
        "contact": ("an office, not a person", "office@city.example"),
        "related_toolkits": ["feasibility-study-template"],  # toolkit slugs (toolkits/demo.py)
        "related_courses": ["iot-for-urban-services"],  # course slugs (courses/demo_content.py)
        "relations": [("replicates", "seoul-bukchon-iot-pilot")],  # optional: (CaseRelation.Kind, other slug)
    }

Plain text throughout: the seeder escapes it and makes the paragraphs and the list of lessons.
"""

SEOUL = "Seoul Metropolitan Government"

DETAILED = [
    {
        "slug": "seoul-bukchon-iot-feasibility",
        "title": "Bukchon IoT pilot zone: feasibility study",
        "organisation": SEOUL,
        "kind": "feasibility_study",
        "stage": "feasibility",
        "years": (2016, 2016),
        "budget": "under_100k",
        "funding": "city_budget",
        "topics": ["urban-resilience"],
        "technologies": ["IoT", "LoRa"],
        "summary": "Could sensors solve parking, noise and safety in a historic hanok village without spoiling it?",
        "challenge": [
            "Bukchon is a neighbourhood of traditional hanok houses between two royal palaces in central Seoul. "
            "About 8,000 people live there, and on a busy day many times that number of visitors walk its narrow "
            "lanes. Residents complained of cars parked in front of their gates, of noise late into the evening "
            "and of litter, and some had started to move away.",
            "The area is protected: new poles, cabinets and signs need heritage approval, and digging up the lanes "
            "for cables is out of the question. Any technical answer had to be small, battery-powered and almost "
            "invisible, and it had to be something residents wanted rather than something done to them.",
            "The city had several vendors offering sensor platforms, but no evidence about which problems sensors "
            "could actually help with, at what cost, and who would run them after a pilot ended.",
        ],
        "approach": [
            "The study started with residents, not with technology. The district office and the residents' "
            "association ran door-to-door interviews and two open meetings to rank the problems, and mapped "
            "complaints to the city's call centre over the previous three years lane by lane.",
            "Small sensors were then tried for a few weeks on two lanes: magnetic sensors in residents' parking "
            "spaces, sound-level meters on house walls and fill-level sensors in public bins. The team compared "
            "three network options (a low-power wide-area network, the public wi-fi and mobile data) for coverage "
            "between stone walls, battery life and five-year cost.",
            "Heritage officers reviewed every device mounting, and the city's privacy officer checked that no "
            "sensor recorded images or speech. The study ended with a costed proposal for a pilot zone and the "
            "conditions under which the city would stop it.",
        ],
        "results": [
            "A low-power network covering the whole village was judged feasible at a modest cost, with three gateways "
            "on public buildings and no new poles. Shared residents' parking and noise monitoring were recommended "
            "as the first services because they answered the two most frequent complaints; smart bins came third.",
            "The city approved a three-year pilot zone on the study's terms, including a public-private consortium "
            "to install and run the network and a residents' panel to review the services every six months.",
        ],
        "lessons": [
            "Start from residents' complaints, not from the technology catalogue.",
            "Test devices on site: stone walls and narrow lanes changed which network would work.",
            "Ask the heritage and privacy officers in the first month, not at the end.",
            "Write down the conditions for stopping before the pilot starts.",
        ],
        "indicators": [
            ("Lanes surveyed", "0", "12", "lanes", 2016),
            ("Residents interviewed", "0", "420", "people", 2016),
            ("Network options compared", "", "3", "options", 2016),
            ("Network gateways needed for full coverage", "", "3", "gateways", 2016),
        ],
        "partners": [
            "Smart City Policy Division, Seoul Metropolitan Government",
            "Jongno-gu District Office",
            "Bukchon residents' association",
            "Seoul Digital Foundation (technical review)",
        ],
        "contact": ("Smart City Policy Division, Seoul Metropolitan Government", "smartcity@seoul.city.example"),
        "related_toolkits": ["feasibility-study-template"],
        "related_courses": ["iot-for-urban-services", "smart-city-strategy"],
        "relations": [("feasibility_for", "seoul-bukchon-iot-pilot")],
    },
    {
        "slug": "seoul-bukchon-iot-pilot",
        "title": "Bukchon IoT pilot zone",
        "organisation": SEOUL,
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2017, 2019),
        "budget": "1m_10m",
        "funding": "ppp",
        "topics": ["urban-resilience", "data-governance"],
        "technologies": ["IoT", "LoRa", "smart parking"],
        "summary": "Shared parking sensors, noise monitors and smart bins in a historic neighbourhood.",
        "challenge": [
            "The feasibility study had shown what residents of Bukchon wanted most: their own parking spaces kept "
            "free, quieter evenings and cleaner lanes. The pilot had to turn that into services residents would "
            "notice within months, inside the heritage rules and without the city owning a network it could not "
            "maintain.",
            "The city also wanted to learn how to run a sensor network with private partners: who pays, who owns "
            "the data, and what happens to the devices when the contract ends.",
        ],
        "approach": [
            "A consortium led by a telecom operator installed and ran a low-power network under a three-year "
            "agreement; the city paid for services, not equipment, and kept the right to all the data. Sensors "
            "went into residents' parking spaces, noise and air-quality monitors onto house walls, and fill-level "
            "sensors into the public bins.",
            "Residents who joined the parking service set the hours their space was free, and visitors booked and "
            "paid by app, with part of the fee going to the resident. Noise readings above an agreed level at "
            "night sent a message to the district's tourism wardens, and bins reported when they were full so "
            "collection rounds could follow need rather than a fixed timetable.",
            "A residents' panel met every six months to review the services and the data published about their "
            "lanes; it asked for the noise data to be shown to visitors on a public screen, which was done.",
        ],
        "results": [
            "Within a year, illegal parking complaints in the pilot zone fell by more than half and over a hundred "
            "residents' spaces were shared. Waste collection rounds were cut by about a third without more "
            "overflowing bins, and evening noise complaints fell once wardens could respond to live readings.",
            "The sharing rules and the contract model were written up for other cities; Busan adopted them for two "
            "old-town districts. When the pilot ended the city kept the parking and bin services and retired the "
            "air-quality monitors, whose readings added little to the city's existing stations.",
        ],
        "lessons": [
            "Make the data useful to residents first (their parking space), then to the city.",
            "Buy services, keep the data: the contract should say who owns every reading.",
            "A residents' panel with real power kept the pilot welcome in a sensitive neighbourhood.",
            "Be ready to switch off a service that does not earn its keep.",
        ],
        "indicators": [
            ("Illegal parking complaints per month", "140", "62", "complaints", 2018),
            ("Shared resident parking spaces", "0", "110", "spaces", 2018),
            ("Waste collection rounds per week", "14", "9", "rounds", 2018),
            ("Evening noise complaints per month", "45", "28", "complaints", 2019),
        ],
        "partners": [
            "Jongno-gu District Office",
            "SK Telecom (low-power network operator)",
            "Seoul Digital Foundation",
            "Bukchon residents' panel",
        ],
        "contact": ("IoT Pilot Zones Team, Seoul Metropolitan Government", "iot@seoul.city.example"),
        "related_toolkits": ["feasibility-study-template", "smart-city-maturity-self-assessment"],
        "related_courses": ["iot-for-urban-services"],
    },
    {
        "slug": "seoul-owl-bus-mobile-data",
        "title": "Night-bus routes from mobile phone data (Owl Bus)",
        "organisation": SEOUL,
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2013, 2014),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["smart-mobility", "open-data"],
        "technologies": ["big data", "mobile data"],
        "summary": "Late-night bus routes drawn from billions of anonymised phone calls and taxi trips.",
        "challenge": [
            "Seoul's subway and buses stopped around midnight, but the city did not. Cleaners, security guards, "
            "restaurant and market workers and students travelled home between midnight and five in the morning, "
            "and without a car their only choice was a taxi, often at a late-night surcharge, or waiting for the "
            "first train.",
            "Everyone agreed that night buses were needed; no one knew where they should run. Surveys reached too "
            "few night travellers, and the bus operators' data stopped when the buses did.",
        ],
        "approach": [
            "The city's big-data team worked with KT, a mobile operator, which provided counts of night-time calls "
            "and messages by small area, anonymised and aggregated before they left the operator: no phone number "
            "or person could be seen. Combined with taxi pick-up and drop-off points from card payments, these "
            "counts showed where people actually were after midnight and where they were going.",
            "The team divided the city into a grid of small zones, mapped the night-time demand between them and "
            "drew candidate routes that linked the busiest zones. Transport planners and bus operators then "
            "adjusted the routes for roads, depots and drivers' shifts.",
            "Two routes ran first as a pilot. Ridership was checked against the model every week, and the network "
            "was extended to nine routes later the same year, marked with an owl and an N before the number.",
        ],
        "results": [
            "The pilot routes were full within weeks, and the nine-route network carried several thousand "
            "passengers a night at an ordinary bus fare, far below a late-night taxi. Surveys on board found "
            "that most riders were travelling to or from work.",
            "The network became permanent and has since been extended. The method, public telecom data under "
            "clear anonymisation rules, was shared with other cities; São Paulo used it to redraw its own night "
            "buses.",
        ],
        "lessons": [
            "A data partnership with clear anonymisation rules turned a policy debate into a map.",
            "Let the data propose and the planners decide: operators' knowledge made the routes work.",
            "Pilot two routes, measure weekly, then scale.",
        ],
        "indicators": [
            ("Night routes", "0", "9", "routes", 2013),
            ("Passengers per night", "0", "6,000", "passengers", 2014),
            ("Anonymised night-time call records analysed", "", "3 billion", "records", 2013),
            ("Share of riders travelling for work (on-board survey)", "", "70", "%", 2014),
        ],
        "partners": [
            "KT (anonymised mobile data)",
            "Seoul Transport Operation and Information Service (TOPIS)",
            "Seoul bus operators' association",
            "Big Data Division, Seoul Metropolitan Government",
        ],
        "contact": ("Big Data Division, Seoul Metropolitan Government", "bigdata@seoul.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["data-driven-transport"],
    },
    {
        "slug": "seoul-traffic-accident-analysis",
        "title": "Traffic-accident hotspot analysis",
        "organisation": SEOUL,
        "kind": "research_project",
        "stage": "scaled",
        "years": (2018, 2020),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["smart-mobility", "data-governance"],
        "technologies": ["GIS", "machine learning"],
        "summary": "Accident, speed and road data combined to decide where to fix crossings first.",
        "challenge": [
            "Road-safety money was shared among Seoul's 25 districts by formula, and each district chose its own "
            "projects, often where residents complained loudest. Yet accidents concentrate at a small number of "
            "junctions and crossings, many of them on district borders that no one felt responsible for.",
            "Pedestrians, and older pedestrians above all, made up a large share of road deaths, and the city "
            "wanted to know which places to redesign first to save the most lives.",
        ],
        "approach": [
            "Analysts joined five years of police accident records with traffic speeds from the city's transport "
            "information centre, road features (lanes, crossings, lighting, bus stops) and the location of "
            "schools, markets and homes for older people in a single geographic model.",
            "A statistical model estimated the expected number of serious accidents at each place, separating "
            "places that were truly dangerous from places with a bad year by chance. The ranked list went to the "
            "road engineers, who visited the top sites and designed changes: shorter crossings, raised tables, "
            "longer green phases for pedestrians and lower speed limits.",
            "The method, the data sources and the ranked list were published, so districts and residents could "
            "see why a crossing near them was, or was not, on the list.",
        ],
        "results": [
            "Accidents at the first group of redesigned crossings fell markedly in the year after the works, "
            "while citywide figures fell more slowly.",
            "The ranking is now repeated every year and guides a fixed share of the road-safety budget, and "
            "districts use the published model to argue for sites of their own. The analysis also showed how "
            "many serious accidents involve older pedestrians at wide crossings, which changed the city's design "
            "standard for crossing times.",
        ],
        "lessons": [
            "Rank places by expected harm, not by last year's count.",
            "Publish the method so districts trust the ranking.",
            "Give engineers the list and the time to visit the sites: the data finds places, people fix them.",
        ],
        "indicators": [
            ("Accidents at redesigned crossings per year", "310", "205", "accidents", 2020),
            ("Crossings redesigned", "0", "50", "crossings", 2020),
            ("Years of accident records analysed", "", "5", "years", 2018),
        ],
        "partners": [
            "Seoul Metropolitan Police Agency",
            "Korea Road Traffic Authority (KoROAD)",
            "Seoul Transport Operation and Information Service (TOPIS)",
            "The Seoul Institute (research partner)",
        ],
        "contact": ("Traffic Safety Division, Seoul Metropolitan Government", "trafficsafety@seoul.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["data-driven-transport", "open-data-for-cities"],
    },
    {
        "slug": "seoul-public-wifi-siting",
        "title": "Public wi-fi siting from footfall data",
        "organisation": SEOUL,
        "kind": "pilot_project",
        "stage": "scaled",
        "years": (2019, 2021),
        "budget": "over_10m",
        "funding": "city_budget",
        "topics": ["digital-inclusion"],
        "technologies": ["wi-fi", "mobile data"],
        "summary": "Free wi-fi access points placed where people gather and where incomes are lowest first.",
        "challenge": [
            "Seoul already had free public wi-fi, but access points had been added where departments or districts "
            "asked for them: in city halls, tourist sites and busy squares. Residents with low incomes, who are "
            "most likely to ration mobile data, and older people spent their days elsewhere: in traditional "
            "markets, small parks, bus stops and community centres.",
            "Expanding coverage across the city would take years and a large budget, so the order in which places "
            "were connected mattered.",
        ],
        "approach": [
            "The city ranked streets, parks and markets by two measures: how many people gather there during the "
            "day, estimated from anonymised mobile data, and the share of low-income and older residents living "
            "nearby, from census and welfare statistics. The top of the list was connected first.",
            "Access points were connected to the city's own fibre network where possible, which lowered the "
            "running cost, and every site was checked for signal after installation. Community centres near the "
            "new sites offered short sessions on using public wi-fi safely.",
        ],
        "results": [
            "Coverage of traditional markets and parks grew several-fold in two years. Usage per access point was "
            "highest in markets and at bus stops in outer districts, and the share of users over sixty was higher "
            "than on the older network.",
            "The siting method became the rule for all new public wi-fi in the city.",
        ],
        "lessons": [
            "Siting by need rather than by request reached people who never asked.",
            "Owning the backbone network made free wi-fi affordable to run.",
            "Pair the infrastructure with help to use it safely.",
        ],
        "indicators": [
            ("Traditional markets covered", "12", "87", "markets", 2021),
            ("Parks covered", "30", "180", "parks", 2021),
            ("Share of sessions by people over 60", "9", "17", "%", 2021),
        ],
        "partners": [
            "Seoul Digital Foundation",
            "Seoul's 25 district offices",
            "Seoul Welfare Foundation (community centres)",
        ],
        "contact": ("Public Wi-Fi Team, Seoul Metropolitan Government", "wifi@seoul.city.example"),
        "related_toolkits": ["smart-city-maturity-self-assessment"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "seoul-mvoting",
        "title": "mVoting: residents vote on city decisions by phone",
        "organisation": SEOUL,
        "kind": "scaled_deployment",
        "stage": "replicated",
        "years": (2014, 2016),
        "budget": "under_100k",
        "funding": "city_budget",
        "topics": ["citizen-participation"],
        "technologies": ["mobile app"],
        "summary": "A voting app where residents choose among options the city puts to them, and propose questions.",
        "challenge": [
            "Public consultations drew the same few people to meetings held on weekday evenings, at times most "
            "working residents and parents could not attend. Written consultations produced long documents few "
            "people read.",
            "The city wanted a quick, cheap way to ask many residents a clear question, and to let residents ask "
            "questions of their own.",
        ],
        "approach": [
            "mVoting is a free app and web page where anyone can vote on a question with a few options. The city "
            "puts questions to residents, from the name of a new service to the design of a public space, and "
            "residents can propose questions too; those that collect enough interest are published for a vote.",
            "Votes need only a phone number, checked once, so participation is easy, and results are shown as "
            "they come in. The city commits to publish, for each question it asks, what it decided and how the "
            "vote was used.",
            "mVoting was promoted in subway stations and at city events, and votes could also be cast on screens "
            "in some public buildings for people without a smartphone.",
        ],
        "results": [
            "Hundreds of thousands of residents registered in the first years, and thousands of questions were "
            "put to vote. Several results changed city plans, and the method was adopted by other Korean cities "
            "and shared with cities abroad.",
            "The city learned to use mVoting for what it does well, choices between clear options, and to keep "
            "deliberation on complex policies for other channels.",
        ],
        "lessons": [
            "Close the loop: say what happened after every vote.",
            "A vote is not a consultation: use it for clear choices, not for complex trade-offs.",
            "Make voting easy, and be open about who votes (phone users are not everyone).",
        ],
        "indicators": [
            ("Registered users", "0", "800,000", "people", 2016),
            ("Questions put to vote", "0", "5,000", "questions", 2016),
            ("Questions proposed by residents", "0", "3,000", "questions", 2016),
        ],
        "partners": [
            "Citizen Participation Division, Seoul Metropolitan Government",
            "Seoul Digital Foundation (platform)",
            "Seoul Innovation Bureau",
        ],
        "contact": ("mVoting Team, Seoul Metropolitan Government", "mvoting@seoul.city.example"),
        "related_toolkits": ["citizen-participation-playbook", "e-government-strategy-toolkit"],
        "related_courses": ["citizen-participation"],
    },
    {
        "slug": "seoul-oasis-citizen-proposals",
        "title": "Oasis: the online citizen-proposal system",
        "organisation": SEOUL,
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2006, 2012),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["citizen-participation", "e-government"],
        "technologies": ["web platform"],
        "summary": "Residents post ideas; popular ones are reviewed by experts and officials and answered publicly.",
        "challenge": [
            "Residents' ideas for the city arrived through complaint lines, letters and petitions, and most were "
            "answered privately or not at all. Good ideas were lost, and people who made them had no way to see "
            "what happened next.",
            "Officials, for their part, had no way to tell a one-off suggestion from an idea many residents "
            "shared, and no routine for bringing residents' ideas into the departments' plans and budgets.",
        ],
        "approach": [
            "“Oasis of 10 million imagination”, named after Seoul's population, opened in 2006 as a website where "
            "anyone could post an idea to improve the city. Other residents discussed the ideas, suggested changes "
            "and showed their support.",
            "Proposals that gathered enough support went to a review by officials from the relevant department "
            "and outside experts, and the most promising were discussed at regular public meetings where the "
            "proposer could present the idea. Every reviewed proposal received a public answer: adopted, adopted "
            "with changes, or declined with reasons.",
            "Adopted proposals were assigned to a department and tracked until delivery, and proposers were "
            "recognised at an annual event.",
        ],
        "results": [
            "Tens of thousands of proposals were posted each year, and a small but steady share was adopted, "
            "ranging from safer pedestrian routes to clearer signs and new services for families. The public "
            "answers made the system credible.",
            "Oasis became the model for later participation platforms, including Seoul's own online democracy "
            "platform, which added online petitions and deliberation; Madrid's citizen-proposal platform drew on "
            "the same idea of a support threshold followed by a public answer.",
        ],
        "lessons": [
            "A threshold and a deadline for answers keep the system credible.",
            "Involve the department that will deliver the idea in the review.",
            "Track adopted ideas to delivery in public.",
        ],
        "indicators": [
            ("Proposals per year", "", "15,000", "proposals", 2010),
            ("Proposals reviewed by the panel per year", "", "1,200", "proposals", 2010),
            ("Proposals adopted per year", "", "150", "proposals", 2010),
        ],
        "partners": [
            "Citizen Proposals Office, Seoul Metropolitan Government",
            "Review panel of outside experts and residents",
            "The Seoul Institute",
        ],
        "contact": ("Citizen Proposals Office, Seoul Metropolitan Government", "proposals@seoul.city.example"),
        "related_toolkits": ["citizen-participation-playbook"],
        "related_courses": ["citizen-participation"],
    },
    {
        "slug": "seoul-open-data-plaza",
        "title": "Seoul Open Data Plaza",
        "organisation": SEOUL,
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2012, 2015),
        "budget": "1m_10m",
        "funding": "city_budget",
        "topics": ["open-data"],
        "technologies": ["open API", "data portal"],
        "summary": "The city's open data portal: thousands of data sets and real-time APIs for developers.",
        "challenge": [
            "Seoul's data sat in departments and their contractors' systems. Developers who wanted to build bus "
            "arrival apps or maps of public toilets copied tables from web pages, and their apps broke whenever a "
            "page changed.",
            "Inside the city, departments could not easily use each other's data either, and no one was "
            "responsible for the quality of a data set once it was published.",
        ],
        "approach": [
            "The Open Data Plaza opened in 2012 as one catalogue of the city's data, with downloads in open "
            "formats and application programming interfaces (APIs) for the data that changes: bus and subway "
            "arrivals, air quality, cultural events, public bicycles. Everything is published under a licence "
            "that allows re-use, including commercial re-use.",
            "Each department named a data officer responsible for its data sets, their updates and the "
            "questions users ask. Requests for new data sets are public, and the city answers them with a date "
            "or a reason.",
            "The city ran app contests and developer days, and published usage figures for every data set so "
            "departments could see their data being used.",
        ],
        "results": [
            "Thousands of data sets were published and hundreds of apps and services were built on the APIs, "
            "from bus arrival apps used every day by millions of riders to maps of accessible facilities. The "
            "portal also became the main way departments found each other's data.",
            "National open-data law, passed in 2013, made similar portals a duty for public bodies; Seoul's "
            "portal was one of the models.",
        ],
        "lessons": [
            "A named data officer per department matters more than the portal software.",
            "APIs for live data create more value than downloads of static tables.",
            "Answer every data request in public, even when the answer is no.",
        ],
        "indicators": [
            ("Data sets published", "0", "5,000", "data sets", 2015),
            ("API calls per day", "0", "2 million", "calls", 2015),
            ("Apps and services built on the data", "0", "300", "apps", 2015),
            ("Departments with a named data officer", "0", "40", "departments", 2014),
        ],
        "partners": [
            "Information Planning Division, Seoul Metropolitan Government",
            "National Information Society Agency (NIA)",
            "Seoul developer community (app contests)",
        ],
        "contact": ("Open Data Team, Seoul Metropolitan Government", "opendata@seoul.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["open-data-for-cities"],
    },
]

EARLIER = [
    {
        "slug": "seoul-digital-civic-services",
        "title": "Digital civic services hub",
        "organisation": SEOUL,
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2021, None),
        "budget": "1m_10m",
        "funding": "city_budget",
        "topics": ["e-government"],
        "technologies": ["web platform", "eID"],
        "summary": "One portal and app for 200 city services, with a single sign-in.",
        "challenge": [
            "Over two decades, Seoul's departments and its 25 districts had each built their own online services. "
            "Residents needed a different account for each, searched several websites to find the right one, and "
            "often gave up and went to an office.",
            "Behind the websites, the same information about a resident was typed in again and again, and the "
            "city could not see which services people struggled with.",
        ],
        "approach": [
            "The city built one portal and app as the front door to its services, with a single sign-in that "
            "accepts the simple digital certificates most residents already use for banking and national "
            "services. Existing systems stayed in place behind the portal and were connected one by one.",
            "The 200 most-used services were moved first, starting with those with the most visits to offices: "
            "certificates, fines and fees, reservations of public facilities and welfare applications. Each was "
            "rewritten in plain language and tested with residents, including older people and people with "
            "disabilities, before it went live.",
            "Offline channels stayed: call-centre agents and office staff use the same portal, so a resident can "
            "start online and finish with help.",
        ],
        "results": [
            "Most of the targeted services can now be completed online with one sign-in, and visits to offices "
            "for them have fallen steadily. Satisfaction surveys show the biggest gains among residents who "
            "previously used no online city service at all.",
            "Because every service now passes through one front door, the city can see where residents abandon "
            "an application and fix that step first; the list of services to improve is reviewed every quarter.",
        ],
        "lessons": [
            "Connect existing systems behind one front door rather than replacing them all.",
            "Use the sign-in residents already have.",
            "Keep a human channel on the same platform.",
        ],
        "indicators": [
            ("Services available with one sign-in", "20", "200", "services", 2023),
            ("Share of applications made online", "38", "64", "%", 2023),
            ("Separate city accounts a resident needs", "12", "1", "accounts", 2022),
        ],
        "partners": [
            "Seoul Digital Foundation",
            "Seoul's 25 district offices",
            "Ministry of the Interior and Safety (digital identity)",
            "120 Dasan Call Center",
        ],
        "contact": ("Digital Services Division, Seoul Metropolitan Government", "eservices@seoul.city.example"),
        "related_toolkits": ["e-government-strategy-toolkit", "training-of-trainers-pack"],
        "related_courses": ["e-government-foundations"],
    },
    {
        "slug": "curitiba-open-mobility-data",
        "title": "Open mobility data platform",
        "organisation": "Municipality of Curitiba",
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2022, None),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["open-data", "smart-mobility"],
        "technologies": ["open API"],
        "summary": "Real-time bus data opened to developers, with a hackathon to seed re-use.",
        "challenge": [
            "Curitiba's bus rapid transit network is famous, but its real-time data was locked in the operator's "
            "control systems. Riders relied on printed timetables, and researchers and start-ups had to request "
            "data files by letter.",
            "The city's innovation strategy counted on local start-ups and universities to build services on city "
            "data, but without live transport data, the data people ask for most, there was little to build on.",
        ],
        "approach": [
            "The city's public transport company and its IT institute published vehicle positions, stops and "
            "timetables through an open API and in the General Transit Feed Specification, the format most "
            "journey-planning apps read, with a simple sign-up for developers.",
            "A weekend hackathon with the local innovation district and universities brought developers, riders "
            "and bus drivers together, and the best prototypes received mentoring and access to a test "
            "environment.",
        ],
        "results": [
            "Real-time positions for the whole bus fleet are now available to any developer, and the main "
            "journey-planning apps show live arrivals for Curitiba. Several hackathon teams kept working on their "
            "services, including an accessible arrivals app for blind riders.",
            "The pilot also changed practice inside the city: planners now use the same feed to check punctuality "
            "line by line, and the transport company publishes a data-quality report with each update.",
        ],
        "lessons": [
            "Publish in the standard format the big apps already read.",
            "Invite bus drivers and riders to the hackathon, not only developers.",
            "A test environment keeps experiments away from the live system.",
        ],
        "indicators": [
            ("Bus lines with real-time data published", "0", "250", "lines", 2023),
            ("Registered developers", "0", "400", "developers", 2023),
            ("Hackathon prototypes still in use a year later", "", "4", "prototypes", 2023),
        ],
        "partners": [
            "URBS (Curitiba public transport company)",
            "Instituto das Cidades Inteligentes (ICI)",
            "Vale do Pinhão innovation district",
            "Federal University of Technology – Paraná (UTFPR)",
        ],
        "contact": ("Open Data Team, Municipality of Curitiba", "dadosabertos@curitiba.city.example"),
        "related_toolkits": ["open-data-policy-kit"],
        "related_courses": ["open-data-for-cities", "data-driven-transport"],
    },
    {
        "slug": "dakar-e-permits-feasibility",
        "title": "Feasibility of online building permits",
        "organisation": "Dakar City Hall",
        "kind": "feasibility_study",
        "stage": "feasibility",
        "years": (2023, 2023),
        "budget": "under_100k",
        "funding": "donor",
        "topics": ["e-government"],
        "technologies": ["web platform"],
        "summary": "Can building permits move online within two years? Options and costs.",
        "challenge": [
            "A building permit in Dakar meant paper files carried between several offices, and applicants "
            "returning again and again to ask where their file was. Delays encouraged building without a permit, "
            "with risks for safety and for the city's revenue.",
            "Several digital projects had been announced before without lasting results, so the city wanted a "
            "realistic view of what could work within two years with its own staff and budget.",
        ],
        "approach": [
            "The study followed a sample of permit files from submission to decision to find where time was lost, "
            "and interviewed architects, applicants and the officials who check the files.",
            "It compared three options: a simple online submission and tracking service, a full online process "
            "with digital plans and signatures, and joining a national platform under preparation, each costed "
            "over five years with the staff training it would need.",
        ],
        "results": [
            "The study recommended starting with online submission and tracking, which removes most of the "
            "visits at a modest cost, and preparing digital plans and signatures for a second phase.",
            "The city approved a pilot on that basis, with a commitment to publish the average time to a decision "
            "every quarter so that residents and architects can see whether it works.",
        ],
        "lessons": [
            "Follow real files through the offices before choosing any software.",
            "Tracking alone answers the question applicants ask most: where is my file?",
        ],
        "indicators": [
            ("Permit files followed from submission to decision", "0", "60", "files", 2023),
            ("Average visits by an applicant per permit", "", "7", "visits", 2023),
            ("Options costed over five years", "", "3", "options", 2023),
        ],
        "partners": [
            "Urban Planning Directorate, Dakar City Hall",
            "Sénégal Numérique SA",
            "Ordre des Architectes du Sénégal",
            "WeGo consultation programme",
        ],
        "contact": ("Digital Transformation Unit, Dakar City Hall", "numerique@dakar.city.example"),
        "related_toolkits": ["feasibility-study-template", "e-government-strategy-toolkit"],
        "related_courses": ["e-government-foundations"],
        "relations": [("feasibility_for", "dakar-city-hall-online-building-permits-pilot")],
    },
]

# (from slug, kind, to slug): a feasibility study and its pilot, pilots and their replications. An entry's own
# "relations" may repeat one of these; each relation is made once.
RELATIONS = [
    ("seoul-bukchon-iot-feasibility", "feasibility_for", "seoul-bukchon-iot-pilot"),
    ("busan-metropolitan-city-smart-parking-replicated-from-bukchon", "replicates", "seoul-bukchon-iot-pilot"),
    ("madrid-city-council-online-citizen-proposals-after-oasis", "replicates", "seoul-oasis-citizen-proposals"),
    ("city-of-sao-paulo-night-bus-network-from-mobility-data", "replicates", "seoul-owl-bus-mobile-data"),
    ("city-of-helsinki-ai-register-after-amsterdam", "replicates", "city-of-amsterdam-algorithm-register"),
    ("dakar-e-permits-feasibility", "feasibility_for", "dakar-city-hall-online-building-permits-pilot"),
    ("seoul-public-wifi-siting", "part_of", "seoul-open-data-plaza"),
]
