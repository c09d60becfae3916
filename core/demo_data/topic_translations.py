"""The demo's topics in the other five languages: {English name or description: {language: translation}}.

Imported like any other translation (core.demo_translations), so the case library's and the catalogues' topic
facets read in the reader's language."""

TOPICS = {
    "E-government": {
        "fr": "Administration électronique",
        "es": "Gobierno electrónico",
        "ko": "전자정부",
        "ru": "Электронное правительство",
        "ar": "الحكومة الإلكترونية",
    },
    "Digital public services, online one-stop shops and back-office reform.": {
        "fr": "Services publics numériques, guichets uniques en ligne et réforme des services internes.",
        "es": "Servicios públicos digitales, ventanillas únicas en línea y reforma de la gestión interna.",
        "ko": "디지털 공공서비스, 온라인 원스톱 창구, 내부 행정 개혁.",
        "ru": "Цифровые государственные услуги, онлайн-«одно окно» и реформа внутренних процессов.",
        "ar": "الخدمات العامة الرقمية، والشبابيك الموحدة عبر الإنترنت، وإصلاح العمليات الداخلية.",
    },
    "Open data": {
        "fr": "Données ouvertes",
        "es": "Datos abiertos",
        "ko": "공공데이터 개방",
        "ru": "Открытые данные",
        "ar": "البيانات المفتوحة",
    },
    "Publishing and re-using public data.": {
        "fr": "Publier et réutiliser les données publiques.",
        "es": "Publicar y reutilizar datos públicos.",
        "ko": "공공데이터의 공개와 재사용.",
        "ru": "Публикация и повторное использование государственных данных.",
        "ar": "نشر البيانات العامة وإعادة استخدامها.",
    },
    "Smart mobility": {
        "fr": "Mobilité intelligente",
        "es": "Movilidad inteligente",
        "ko": "스마트 모빌리티",
        "ru": "Умная мобильность",
        "ar": "التنقل الذكي",
    },
    "Transport data, traffic management and mobility services.": {
        "fr": "Données de transport, gestion du trafic et services de mobilité.",
        "es": "Datos de transporte, gestión del tráfico y servicios de movilidad.",
        "ko": "교통 데이터, 교통 관리, 모빌리티 서비스.",
        "ru": "Транспортные данные, управление дорожным движением и услуги мобильности.",
        "ar": "بيانات النقل وإدارة حركة المرور وخدمات التنقل.",
    },
    "Digital inclusion": {
        "fr": "Inclusion numérique",
        "es": "Inclusión digital",
        "ko": "디지털 포용",
        "ru": "Цифровая инклюзия",
        "ar": "الشمول الرقمي",
    },
    "Skills, access and services that reach every resident.": {
        "fr": "Compétences, accès et services qui atteignent chaque habitant.",
        "es": "Competencias, acceso y servicios que llegan a todos los residentes.",
        "ko": "모든 주민에게 닿는 역량, 접근성, 서비스.",
        "ru": "Навыки, доступ и услуги, доступные каждому жителю.",
        "ar": "مهارات ووصول وخدمات تبلغ كل السكان.",
    },
    "Citizen participation": {
        "fr": "Participation citoyenne",
        "es": "Participación ciudadana",
        "ko": "시민 참여",
        "ru": "Участие граждан",
        "ar": "مشاركة المواطنين",
    },
    "Online consultation, participatory budgeting and civic tech.": {
        "fr": "Consultation en ligne, budget participatif et technologies civiques.",
        "es": "Consulta en línea, presupuestos participativos y tecnología cívica.",
        "ko": "온라인 의견 수렴, 주민참여예산, 시빅테크.",
        "ru": "Онлайн-консультации, инициативное бюджетирование и гражданские технологии.",
        "ar": "الاستشارة عبر الإنترنت، والميزانية التشاركية، والتكنولوجيا المدنية.",
    },
    "Urban resilience": {
        "fr": "Résilience urbaine",
        "es": "Resiliencia urbana",
        "ko": "도시 회복력",
        "ru": "Устойчивость города",
        "ar": "المرونة الحضرية",
    },
    "Disaster risk, climate adaptation and continuity of services.": {
        "fr": "Risques de catastrophe, adaptation au climat et continuité des services.",
        "es": "Riesgo de desastres, adaptación al clima y continuidad de los servicios.",
        "ko": "재난 위험, 기후 적응, 서비스 연속성.",
        "ru": "Риски бедствий, адаптация к изменению климата и непрерывность услуг.",
        "ar": "مخاطر الكوارث، والتكيّف مع المناخ، واستمرارية الخدمات.",
    },
    "Cybersecurity": {
        "fr": "Cybersécurité",
        "es": "Ciberseguridad",
        "ko": "사이버 보안",
        "ru": "Кибербезопасность",
        "ar": "الأمن السيبراني",
    },
    "Protecting city systems and residents' data.": {
        "fr": "Protéger les systèmes de la ville et les données des habitants.",
        "es": "Proteger los sistemas de la ciudad y los datos de los residentes.",
        "ko": "도시 시스템과 주민 데이터 보호.",
        "ru": "Защита городских систем и данных жителей.",
        "ar": "حماية أنظمة المدينة وبيانات السكان.",
    },
    "Data governance": {
        "fr": "Gouvernance des données",
        "es": "Gobernanza de datos",
        "ko": "데이터 거버넌스",
        "ru": "Управление данными",
        "ar": "حوكمة البيانات",
    },
    "Policies, privacy and the institutions that steward city data.": {
        "fr": "Politiques, protection de la vie privée et institutions qui gèrent les données de la ville.",
        "es": "Políticas, privacidad y las instituciones que custodian los datos de la ciudad.",
        "ko": "도시 데이터를 관리하는 정책, 개인정보 보호, 기관.",
        "ru": "Политики, защита персональных данных и институты, отвечающие за городские данные.",
        "ar": "السياسات والخصوصية والمؤسسات التي ترعى بيانات المدينة.",
    },
}
