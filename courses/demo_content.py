"""The demo training programme: six courses, each with modules and short lessons of original teaching text.

Structure: (slug, title, summary, level, hours, format, audience, topics, outcomes, modules)
modules: [(title, intro, [(lesson title, minutes, optional, [paragraphs])])]
"""

COURSES = [
    (
        "e-government-foundations",
        "E-government foundations",
        "Why cities put public services online, and how to plan the first steps so that residents actually use them.",
        "introductory",
        6,
        "self_paced",
        "public",
        ["e-government"],
        "Explain what makes a public service digital by design\nMap a service from the resident's point of view\n"
        "Choose the first services to move online",
        [
            (
                "Why digital public services",
                "What changes for residents and for the city administration.",
                [
                    (
                        "From counters to services",
                        15,
                        False,
                        [
                            "A digital service is more than a form on a website. It starts from what a resident needs to get "
                            "done, such as registering a birth or renewing a permit, and removes every step that does not "
                            "serve that need.",
                            "Cities that succeed measure the time a resident spends, not the number of pages published. "
                            "A service that takes ten minutes online instead of two visits to a counter is the goal.",
                        ],
                    ),
                    (
                        "Who benefits, and who is left out",
                        20,
                        False,
                        [
                            "Online services save time for people who are connected and confident. They can exclude older "
                            "residents, people with disabilities and those without a smartphone.",
                            "Keep an assisted channel (a counter or a phone line where staff use the same online system) so "
                            "that the digital service becomes the single back office for everyone.",
                        ],
                    ),
                ],
            ),
            (
                "Planning the first services",
                "How to choose, design and launch.",
                [
                    (
                        "Choosing what to digitise first",
                        20,
                        False,
                        [
                            "Rank services by volume (how many people use them each year) and by pain (how many visits, "
                            "documents and days they take today). High volume and high pain come first.",
                            "Avoid starting with a service that depends on a national system you do not control: a quick, "
                            "visible success builds the trust you need for harder services.",
                        ],
                    ),
                    (
                        "Mapping a service journey",
                        25,
                        False,
                        [
                            "Draw every step a resident takes, from finding out about the service to receiving the result. "
                            "Mark the documents they must bring and the offices they must visit.",
                            "Each document the city already holds is a step you can remove: ask for it once, then re-use it.",
                        ],
                    ),
                    (
                        "Further reading: national strategies",
                        10,
                        True,
                        [
                            "Many countries publish a national digital government strategy. Read yours to find the shared "
                            "platforms (identity, payments, notifications) your city can build on instead of rebuilding.",
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "smart-city-strategy",
        "Smart-city strategy and roadmaps",
        "From a vision to a funded roadmap: priorities, governance, partnerships and measuring results.",
        "advanced",
        10,
        "cohort",
        "members",
        ["e-government", "urban-resilience"],
        "Write a smart-city vision tied to the city's plan\nSet up governance across departments\n"
        "Build a roadmap with indicators",
        [
            (
                "Vision and priorities",
                "A strategy starts from the city's problems, not from technologies.",
                [
                    (
                        "Problems before products",
                        20,
                        False,
                        [
                            "List the city's five most pressing problems, such as congestion, flooding or slow permits, "
                            "and ask which of them data and technology can help with. That list is the core of the strategy.",
                            "A strategy that starts from products (sensors, platforms, apps) tends to produce pilots that "
                            "never scale, because no department owns the problem they solve.",
                        ],
                    ),
                    (
                        "Listening to residents",
                        20,
                        False,
                        [
                            "Run consultations early: residents describe problems in their own words and often point to "
                            "simpler solutions than the ones vendors propose.",
                        ],
                    ),
                ],
            ),
            (
                "Governance and funding",
                "Who decides, who pays, who maintains.",
                [
                    (
                        "A steering group that can decide",
                        25,
                        False,
                        [
                            "Create a steering group chaired at the level that can arbitrate between departments, usually "
                            "the mayor's office, with the CIO as secretary.",
                            "Give it a budget line: projects that must ask each department for money one by one stall.",
                        ],
                    ),
                    (
                        "Partnerships and procurement",
                        25,
                        False,
                        [
                            "Public-private partnerships can fund infrastructure, but write data ownership and exit clauses "
                            "into every contract so that the city keeps control of its data.",
                        ],
                    ),
                ],
            ),
            (
                "Measuring results",
                "Indicators that show progress to the council and to residents.",
                [
                    (
                        "Choosing indicators",
                        20,
                        False,
                        [
                            "For each priority, pick one outcome indicator (for example average permit time) and one "
                            "activity indicator (services online). Publish both every quarter.",
                        ],
                    ),
                    (
                        "Reviewing the roadmap",
                        15,
                        False,
                        [
                            "Review the roadmap every year: stop projects that do not move an indicator and scale those that do.",
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "open-data-for-cities",
        "Open data for cities",
        "Publish, license and sustain open data that residents, researchers and companies actually re-use.",
        "intermediate",
        8,
        "self_paced",
        "public",
        ["open-data", "data-governance"],
        "Draft an open-data policy\nChoose an open licence\nPublish and maintain high-value datasets",
        [
            (
                "Policy and licences",
                "The rules that make data re-usable.",
                [
                    (
                        "Why an open-data policy",
                        15,
                        False,
                        [
                            "A policy says which data the city publishes by default, who decides exceptions (personal data, "
                            "security) and who maintains each dataset.",
                        ],
                    ),
                    (
                        "Choosing a licence",
                        15,
                        False,
                        [
                            "Use a standard open licence such as CC BY 4.0 or the Open Database Licence. Custom licences "
                            "scare re-users away because their lawyers must read them.",
                        ],
                    ),
                ],
            ),
            (
                "Publishing that lasts",
                "From a one-off upload to a maintained service.",
                [
                    (
                        "High-value datasets first",
                        20,
                        False,
                        [
                            "Start with data people ask for: public transport timetables, budgets, procurement, air "
                            "quality and building permits.",
                        ],
                    ),
                    (
                        "Formats and metadata",
                        20,
                        False,
                        [
                            "Publish machine-readable formats (CSV, JSON, GeoJSON) with a description, an update frequency "
                            "and a contact. A dataset without a contact is a dataset nobody fixes.",
                        ],
                    ),
                    (
                        "Engaging re-users",
                        15,
                        False,
                        [
                            "Hackathons, challenges and a public issue tracker show re-users that the city listens. "
                            "Measure downloads and, better, the services built on your data.",
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "citizen-participation",
        "Citizen participation online",
        "Mobile voting, online proposals and participatory budgeting: designing participation people trust.",
        "intermediate",
        6,
        "self_paced",
        "public",
        ["citizen-participation", "digital-inclusion"],
        "Choose the right participation format\nDesign a fair online vote\nReport back to participants",
        [
            (
                "Formats of participation",
                "Consultation, co-design and decision.",
                [
                    (
                        "The ladder of participation",
                        15,
                        False,
                        [
                            "Be honest about what residents decide. Informing, consulting and co-deciding are different "
                            "promises; breaking a promise of co-decision costs more trust than not making it.",
                        ],
                    ),
                    (
                        "Online proposals",
                        20,
                        False,
                        [
                            "A proposals platform lets residents submit ideas and support others. Set clear thresholds "
                            "(for example 1% of residents' support) after which the city must answer publicly.",
                        ],
                    ),
                ],
            ),
            (
                "Mobile voting and budgets",
                "Votes that are simple, secure and inclusive.",
                [
                    (
                        "Participatory budgeting",
                        20,
                        False,
                        [
                            "Reserve a share of the investment budget, let residents propose projects, have departments "
                            "check feasibility and cost, then put the feasible ones to a vote.",
                        ],
                    ),
                    (
                        "Designing a fair mobile vote",
                        20,
                        False,
                        [
                            "Verify eligibility with the city's digital identity or a one-time code, allow voting at "
                            "libraries and community centres, and publish the results and the method.",
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "iot-for-urban-services",
        "IoT for urban services",
        "Sensors and connected devices for lighting, waste, water and air quality: from pilot to city-wide service.",
        "intermediate",
        8,
        "self_paced",
        "members",
        ["e-government", "urban-resilience"],
        "Scope an IoT pilot around a service problem\nChoose connectivity and data platforms\nPlan maintenance",
        [
            (
                "Scoping an IoT pilot",
                "Start with a service and a measure of success.",
                [
                    (
                        "Service first",
                        15,
                        False,
                        [
                            "Smart waste bins are useful when they change collection routes. Define the decision the data "
                            "will change before buying a sensor.",
                        ],
                    ),
                    (
                        "Connectivity options",
                        20,
                        False,
                        [
                            "LoRaWAN, NB-IoT and municipal Wi-Fi differ in range, battery life and cost. Choose per use "
                            "case; a city-wide network pays off only when several services share it.",
                        ],
                    ),
                ],
            ),
            (
                "From pilot to service",
                "Platforms, security and upkeep.",
                [
                    (
                        "An open data platform",
                        20,
                        False,
                        [
                            "Send sensor data to a platform the city controls, with open interfaces, so that the next "
                            "vendor can plug in without rebuilding everything.",
                        ],
                    ),
                    (
                        "Security and maintenance",
                        20,
                        False,
                        [
                            "Change default passwords, plan firmware updates and budget for replacing batteries and "
                            "broken devices: maintenance is often half the cost over five years.",
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "data-driven-transport",
        "Data-driven transport",
        "Use ticketing, traffic and mobility data to plan routes, manage congestion and inform travellers.",
        "advanced",
        8,
        "self_paced",
        "public",
        ["smart-mobility", "open-data"],
        "Combine transport data sources\nUse data to redesign routes\nPublish real-time information",
        [
            (
                "Transport data sources",
                "What the city already has and what it can get.",
                [
                    (
                        "Ticketing and GPS data",
                        20,
                        False,
                        [
                            "Smart-card taps and bus GPS show where people travel and where buses lose time. Together they "
                            "reveal the corridors where a bus lane saves the most passenger hours.",
                        ],
                    ),
                    (
                        "Data from private operators",
                        20,
                        False,
                        [
                            "Bike-sharing and ride-hailing operators can share anonymised trip data under a data-sharing "
                            "agreement. Make it a condition of the operating permit.",
                        ],
                    ),
                ],
            ),
            (
                "Using the data",
                "Planning and informing.",
                [
                    (
                        "Redesigning bus routes",
                        25,
                        False,
                        [
                            "Origin-destination matrices built from ticketing data show which routes no longer match "
                            "travel patterns. Redesign them with residents, then measure ridership.",
                        ],
                    ),
                    (
                        "Real-time passenger information",
                        20,
                        False,
                        [
                            "Publish timetables and real-time positions in GTFS and GTFS-Realtime: journey planners "
                            "pick them up and residents get reliable information at no cost to the city.",
                        ],
                    ),
                ],
            ),
        ],
    ),
]

INSTRUCTORS = [
    ("Dr. Hana Lee", "Professor of public administration", "Seoul National University (demo)"),
    ("Carlos Romero", "Former CIO", "City of Bogotá (demo)"),
]
