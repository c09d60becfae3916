"""Demo case studies from member cities, part A (the first half of the old one-line list).

Data only, in the format described in cases/demo_content.py. Illustrative content written for the demo site:
the organisations are real member cities, but these case studies are not official records of them.
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
        "summary": "Busan applied Bukchon's shared-parking sensors to two old-town districts.",
        "challenge": [
            "In the hillside neighbourhoods of Busan's old town, streets are too narrow for both parked cars and "
            "fire engines. Residents' spaces stood empty during the working day while visitors circled the blocks "
            "or parked on corners, and the district offices received complaints every week.",
        ],
        "approach": [
            "The city studied Seoul's Bukchon pilot zone, where residents lend their parking spaces through an app "
            "while they are away, and adapted it rather than starting again: the same kind of low-power sensors, "
            "the same sharing rules, and a Busan-run booking service in place of Seoul's.",
            "Two districts were chosen with their residents' associations. A telecom partner installed and ran the "
            "network under a three-year agreement; residents who joined set the hours their space is free and "
            "receive a share of the fee.",
        ],
        "results": [
            "Most of the residents' spaces that joined were booked on weekdays, and complaints about illegal "
            "parking in the two districts fell by around a third. Fire-access routes were kept clear more often.",
        ],
        "lessons": [
            "Replicating a proven pilot saved most of a feasibility study: talk to the city that did it first.",
            "Residents' associations recruited lenders better than any advertising.",
            "Agree who owns the sensor data before the network is installed.",
        ],
        "indicators": [
            ("Residents' parking spaces shared", "0", "380", "spaces", 2022),
            ("Illegal-parking complaints per month", "95", "63", "complaints", 2022),
            ("Weekday occupancy of shared spaces", "", "71", "%", 2022),
        ],
        "partners": [
            "Busan Metropolitan City Smart City Division",
            "Jung-gu and Dong-gu district offices",
            "Residents' associations of the two pilot districts",
            "Seoul Metropolitan Government (Bukchon pilot team, advice)",
        ],
        "contact": ("Smart City Division, Busan Metropolitan City", "smartcity@busan.city.example"),
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
        "years": (2015, 2017),
        "budget": "over_10m",
        "funding": "national_grant",
        "topics": ["urban-resilience"],
        "technologies": ["cell broadcast"],
        "summary": "Warnings pushed to every phone in seconds, in five languages.",
        "challenge": [
            "National early warnings reach phones seconds before strong shaking, but only in Japanese. Millions "
            "of visitors and foreign residents in Tokyo could not read them, and the city's own follow-up "
            "messages about shelters and transport arrived through a patchwork of websites.",
        ],
        "approach": [
            "The metropolitan government agreed a short set of pre-translated message templates with the national "
            "weather agency and the mobile operators, so that alerts and the city's follow-up advice go out by cell "
            "broadcast in Japanese, English, Chinese, Korean and plain Japanese at the same time.",
            "Each template was tested with residents' groups and language volunteers, and the wording was fixed in "
            "advance so that no one has to translate during an emergency.",
        ],
        "results": [
            "Drills showed that multilingual messages reached phones within seconds of the Japanese alert. The "
            "templates were later reused for typhoon and heavy-rain warnings.",
        ],
        "lessons": [
            "Translate before the emergency: fixed templates are faster and safer than live translation.",
            "Test the wording with the people who will receive it, not only with officials.",
        ],
        "indicators": [
            ("Languages of each alert", "1", "5", "languages", 2017),
            ("Delay of translated alert after Japanese alert", "", "under 10", "seconds", 2017),
            ("Message templates agreed", "0", "40", "templates", 2016),
        ],
        "partners": [
            "Tokyo Metropolitan Government Disaster Prevention Division",
            "Japan Meteorological Agency",
            "Mobile network operators serving Tokyo",
            "Tokyo International Communication Committee (language volunteers)",
        ],
        "contact": ("Disaster Prevention Division, Tokyo Metropolitan Government", "bosai@tokyo.city.example"),
        "related_toolkits": ["citizen-participation-playbook"],
        "related_courses": ["e-government-foundations"],
    },
]
