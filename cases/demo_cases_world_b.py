"""Demo case studies from member cities, part B (the second half of the old one-line list).

Data only, in the format described in cases/demo_content.py. Illustrative content written for the demo site:
the organisations are real member cities, but these case studies are not official records of them.
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
        "summary": "Transport tickets, parking and alerts in one city app.",
        "challenge": [
            "Residents bought transport tickets, paid for parking and followed city news through separate "
            "services, each with its own account. In a crisis the city had no direct channel to the phones of "
            "the people it needed to reach.",
        ],
        "approach": [
            "The city's IT department and its municipal IT enterprise built one app on the existing city "
            "systems: QR tickets for the metro, buses and trams, parking payment, utility notices and a personal "
            "account, released in small steps with public beta versions.",
            "When the war began in 2022 the team added air-raid alerts, a map of shelters and, later, of heated "
            "points with power and connectivity, reusing the notification service already in place.",
        ],
        "results": [
            "The app became the city's main digital channel, used by a large share of adult residents; during "
            "outages it told people where to find heat, water and a charge for their phones.",
        ],
        "lessons": [
            "Build the notification channel before you need it: it was the most valuable feature in a crisis.",
            "Release small and often; the public beta caught problems no test plan did.",
            "Keep the data where the city's systems already hold it, and let the app read it.",
        ],
        "indicators": [
            ("Active users", "0", "2 million", "people", 2023),
            ("City services in the app", "3", "30", "services", 2023),
            ("Shelters and support points mapped", "0", "5,000", "locations", 2023),
        ],
        "partners": [
            "Department of Information and Communication Technologies, Kyiv City State Administration",
            "Kyiv municipal IT enterprise",
            "Kyivpastrans (municipal public transport)",
        ],
        "contact": ("Digital Services Office, Kyiv City State Administration", "digital@kyiv.city.example"),
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
        "summary": "Could adaptive signals cut congestion on the main avenues?",
        "challenge": [
            "Almaty's main avenues run downhill from the mountains to the city centre, and fixed-time signals "
            "cannot follow the morning and evening waves of traffic. Buses lose time at every junction and air "
            "pollution is worst in winter, when traffic is heaviest.",
        ],
        "approach": [
            "As part of a transport loan's technical assistance, the study counted traffic on three avenues, "
            "modelled adaptive control against the current plans and compared three options: retiming the "
            "existing signals, adaptive control on one corridor, and a citywide system.",
            "It also checked what the city's control centre, detectors and staff could support, and costed five "
            "years of operation, not only the installation.",
        ],
        "results": [
            "The study recommended a pilot of adaptive control with bus priority on one corridor, after retiming "
            "the signals everywhere as a quick, cheap first step. The modelled saving on the pilot corridor was "
            "about a fifth of peak-hour travel time.",
        ],
        "lessons": [
            "Retime the signals you have before buying new ones: it is cheap and sets a fair baseline.",
            "Cost the operators and the maintenance, not only the equipment.",
        ],
        "indicators": [
            ("Junctions surveyed", "0", "64", "junctions", 2022),
            ("Modelled peak travel time on pilot corridor", "34", "27", "minutes", 2022),
            ("Options compared", "", "3", "options", 2022),
        ],
        "partners": [
            "Mobility Department, Akimat of Almaty",
            "Almaty traffic control centre",
            "Kazakh Academy of Transport and Communications",
        ],
        "contact": ("Mobility Department, Akimat of Almaty", "mobility@almaty.city.example"),
        "related_toolkits": ["feasibility-study-template"],
        "related_courses": ["data-driven-transport"],
    },
]
