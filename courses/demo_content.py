"""The demo training programme: six courses, each with modules and short lessons of original teaching text.

A course's stated effort is derived from its lessons (``effort_hours(required_minutes(...))``), so the two agree.

Structure: (slug, title, summary, level, format, audience, topics, outcomes, modules)
modules: [(title, intro, [(lesson title, minutes, optional, [paragraphs])])]
"""

COURSES = [
    (
        "e-government-foundations",
        "E-government foundations",
        "Why cities put public services online, and how to plan the first steps so that residents actually use them.",
        "introductory",
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
                    (
                        "Exercise: one service, two journeys",
                        30,
                        False,
                        [
                            "Pick one service your city offers at a counter today, for example a parking permit. "
                            "Write down every step a resident takes, every document they bring and every visit they "
                            "make.",
                            "Now write the same journey as it would be online, with the documents the city already "
                            "holds removed. Count the steps in both versions: the difference is the case for going "
                            "digital.",
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
                        "Exercise: rank your city's services",
                        40,
                        False,
                        [
                            "List twenty services your city delivers. For each, note roughly how many residents use "
                            "it every year and how many visits, documents and days it takes today.",
                            "Score volume and pain from one to five and multiply them. The three highest scores, "
                            "minus any that depend on a national system you do not control, are your first "
                            "candidates.",
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
                    (
                        "Assignment: your city's five problems",
                        90,
                        False,
                        [
                            "Write one page on the five problems your city most needs to solve, each with the "
                            "department that owns it and one figure that shows how big it is. Post it to your cohort "
                            "before the live session.",
                            "Your facilitator and two peers from other cities will comment on it; revise it before "
                            "the next module.",
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
                    (
                        "Assignment: a governance chart and a budget line",
                        90,
                        False,
                        [
                            "Draw who decides, who pays and who maintains for your top two priorities, from the "
                            "mayor's office down to the teams that run the systems.",
                            "Add the budget line each priority will draw on. Where no line exists, name the person "
                            "who can create one.",
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
                    (
                        "Assignment: a one-page roadmap",
                        120,
                        False,
                        [
                            "Turn your priorities into a three-year roadmap on a single page: projects, owners, costs"
                            " and one outcome indicator each.",
                            "Present it in the final live session. The cohort asks the questions a city council would ask.",
                        ],
                    ),
                    (
                        "Cohort session: peer review of the roadmaps",
                        90,
                        False,
                        [
                            "In small groups from different regions, participants review each other's roadmaps "
                            "against three questions: does every project solve a named problem, does someone own it, "
                            "and will the indicator move?",
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
                    (
                        "Exercise: draft your open-data policy",
                        60,
                        False,
                        [
                            "Using the points above, write a two-page policy for your city: what is open by default, "
                            "who decides exceptions, which licence applies and who maintains each dataset.",
                            "Share the draft with your legal service early; their questions now save months later.",
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
                    (
                        "Exercise: publish one dataset properly",
                        60,
                        False,
                        [
                            "Choose one dataset your city already shares as a PDF or a spreadsheet. Publish it as CSV"
                            " with a description, a licence, an update frequency and a named contact.",
                            "Ask one re-user, such as a local journalist or university, to try it and tell you what was missing.",
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
                    (
                        "Case study: from an online proposal to a city answer",
                        30,
                        False,
                        [
                            "Follow one proposal on a city's platform through a year: how it was submitted, how its "
                            "author gathered support, the department's review once it passed the threshold, and the "
                            "public answer.",
                            "Note where supporters dropped away and what the city changed the following year so "
                            "that residents stayed involved.",
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
                    (
                        "Exercise: design a vote for your city",
                        45,
                        False,
                        [
                            "Sketch a vote on a real question in your city: who may vote, how they prove it, where "
                            "people without a smartphone can vote, and how and when the results are published.",
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
                    (
                        "Exercise: a one-page pilot brief",
                        45,
                        False,
                        [
                            "Write the brief for one IoT pilot: the service problem, the decision the data will "
                            "change, the measure of success and the date on which you will decide whether to scale or"
                            " stop.",
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
                    (
                        "Exercise: the five-year cost of a sensor network",
                        40,
                        False,
                        [
                            "For the pilot you scoped, list the costs over five years: devices, installation, "
                            "connectivity, platform, staff time, batteries and replacements.",
                            "Compare the total with the savings or service gains you expect. If maintenance has no "
                            "budget line yet, the pilot is not ready.",
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
                    (
                        "Exercise: find the slowest bus corridor",
                        50,
                        False,
                        [
                            "With a week of bus GPS data, compute the average speed of each route segment at peak "
                            "hours and mark the five slowest.",
                            "Multiply each segment's delay by the passengers on board from ticketing data: the top "
                            "segment is where a bus lane saves the most passenger hours.",
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
                    (
                        "Exercise: check your GTFS feed",
                        30,
                        False,
                        [
                            "Run your city's timetable feed through a GTFS validator and fix the errors it reports. "
                            "Then plan three trips in a public journey planner and compare them with what happens on "
                            "the street.",
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
    ("Dr. Ingrid Larsen", "Associate professor of data governance", "IT University of Copenhagen (demo)"),
    ("Kofi Boateng", "Open data adviser", "Accra Metropolitan Assembly (demo)"),
    ("Ana Lucía Torres", "Director of citizen participation", "Mayor's Office of Medellín (demo)"),
    ("Yuki Sato", "IoT programme lead", "City of Yokohama (demo)"),
    ("Dr. Rohan Mehta", "Transport data scientist", "Pune Municipal Corporation (demo)"),
]

# Who teaches each course (names from INSTRUCTORS); a cohort run is facilitated by one of them.
COURSE_INSTRUCTORS = {
    "e-government-foundations": ["Dr. Hana Lee", "Carlos Romero"],
    "smart-city-strategy": ["Carlos Romero", "Dr. Hana Lee"],
    "open-data-for-cities": ["Kofi Boateng", "Dr. Ingrid Larsen"],
    "citizen-participation": ["Ana Lucía Torres"],
    "iot-for-urban-services": ["Yuki Sato"],
    "data-driven-transport": ["Dr. Rohan Mehta", "Carlos Romero"],
}

# Lessons added after the pages (courses.demo_learning): the final assessment, in minutes.
FINAL_ASSESSMENT_MINUTES = {"e-government-foundations": 10, "open-data-for-cities": 10}


def required_minutes(slug, modules):
    """The minutes of the lessons a learner must complete (optional lessons do not count)."""
    lessons = sum(minutes for _, _, items in modules for _, minutes, optional, _ in items if not optional)
    return lessons + FINAL_ASSESSMENT_MINUTES.get(slug, 0)


def effort_hours(minutes):
    """The stated effort: the required minutes rounded to the nearest hour, at least one."""
    return max(1, (minutes + 30) // 60)
