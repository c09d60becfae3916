"""Demo content for the pages a public body's site must have: the privacy notice, the terms of use, the contact page.

The privacy notice describes what the platform really stores (docs/personal-data.md, members/personal_data.py, the
content apps' ``register_personal_data`` hooks, ``prune_outbox``). Its legal wording is a template: each page opens
with a warning that the association's counsel must review it and fill in the bracketed parts before launch.
"""

UPDATED = "4 December 2026"

COUNSEL_REVIEW = (
    "Demo template: the association's counsel must review it",
    "<p>This page was written for the demonstration site. It describes what the platform really does, but it is "
    "not legal advice: the association's counsel must review it, complete the parts in [square brackets] and "
    "check it against the law that applies to the association before the site goes live.</p>",
)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def callout(title, html, tone="info"):
    return {"type": "callout", "value": {"tone": tone, "title": title, "text": html}}


def review_warning():
    title, html = COUNSEL_REVIEW
    return callout(title, html, tone="warning")


def items(*entries):
    return "<ul>" + "".join(f"<li>{entry}</li>" for entry in entries) + "</ul>"


def facts(what, why, how_long, who):
    """One feature's data, always in the same four parts, so a reader can compare them."""
    return paragraph(
        items(
            f"<b>What:</b> {what}",
            f"<b>Why:</b> {why}",
            f"<b>How long:</b> {how_long}",
            f"<b>Who sees it:</b> {who}",
        )
    )


PRIVACY_INTRO = (
    "What personal data WeGo Hub keeps about you, why, for how long and who sees it, and how to download it or "
    "delete your account."
)

PRIVACY_BODY = [
    review_warning(),
    heading("Who is responsible"),
    paragraph(
        "<p>WeGo Hub is run by the secretariat of the association of smart, sustainable cities [legal name, "
        "registered address and, if one is appointed, the data protection officer: to be completed]. The "
        "secretariat decides what the platform keeps and why. Write to it about anything on this page: see the "
        '<a href="/contact/">contact page</a>.</p>'
    ),
    heading("In short"),
    paragraph(
        items(
            "We keep what each feature needs to work, and nothing for advertising: there are no advertising or "
            "analytics cookies, and no page loads anything from another website.",
            'You see your data on <a href="/me/">My hub</a> and can download it as a file (see below).',
            "Your city's focal point sees your name, email address, job title and your progress in figures; "
            "event organisers see what you tell them when you register.",
            "You can delete your account at any time. Some rows stay without your name, so that the figures "
            "per city stay right; the certificates you earned stay verifiable.",
        )
    ),
    heading("What we keep, feature by feature"),
    heading("Your account", "h3"),
    facts(
        "your email addresses (and which are confirmed), first and last name, job title, department, preferred "
        "language, time zone, when you joined and last signed in; your password only as a one-way hash we cannot "
        "read; for two-step sign-in, which methods you added (authenticator app, passkey, recovery codes) and when "
        "they were last used.",
        "to sign you in, to write to you about what you asked for, and to show dates in your time zone.",
        "as long as your account exists.",
        "you; the secretariat; your city's focal point sees your name, email address and job title.",
    ),
    heading("Membership of your city", "h3"),
    facts(
        "the member organisation you belong to or asked to join, your role (staff or focal point), the state of "
        "your request, when you asked and when it was decided, and the reason if it was declined. If a focal "
        "point invited you, the invitation: the address it was sent to, when, and when you accepted.",
        "members-only courses, toolkits and pages are for approved staff of member cities; the focal point "
        "decides who belongs to their city.",
        "as long as your account exists. When you delete your account, the membership stays without your name, "
        "marked as removed, so that each city's figures stay right. An invitation that was never accepted keeps "
        "its address until the secretariat removes it [retention period to be decided].",
        "you, your city's focal points and the secretariat.",
    ),
    heading("Courses, quizzes and certificates", "h3"),
    facts(
        "the courses you enrolled in, the lessons you completed, your quiz attempts (the answers you gave, the "
        "score, whether you passed, when) and your certificates (the name printed on them, the course, the date "
        "and the verification code).",
        "to show your progress, to apply a quiz's rules (attempts and waiting times), and to issue certificates "
        "that others can check.",
        "as long as your account exists. After you delete it, enrolments, progress and quiz attempts stay "
        "attached to an account without name or email address, for the course figures. Certificates stay "
        "with the name printed on them, so that anyone you showed one to can still check it.",
        "you; your city's focal point sees, for each person, how many courses they enrolled in and completed "
        "and their average progress, never quiz answers; the secretariat; anyone who has a certificate's code "
        "or QR code sees the name, course and date on its public verification page.",
    ),
    heading("Toolkit downloads", "h3"),
    facts(
        "which toolkit you downloaded, which version and language, and when.",
        "to count downloads per toolkit and per city, and to list the toolkits you downloaded on My hub.",
        "as long as your account exists; after you delete it, the count stays without your name.",
        "you; your city's focal point sees how many downloads each person made; the secretariat.",
    ),
    heading("Event registrations", "h3"),
    facts(
        "the event, how you attend (in person or online), the state of your registration (confirmed, waiting "
        "list, waiting for your focal point), when you registered, the dietary and accessibility needs you "
        "tell us, your answers to the event's own questions, when you checked in, and the secret address of "
        "your personal calendar feed.",
        "to run the event: seats and the waiting list, catering, access and support on the day, badges, "
        "reminders and calendar files.",
        "as long as your account exists. When you delete it, your registrations for events still to come are "
        "cancelled (your seat goes to the next person waiting), your dietary and accessibility needs and answers "
        "are erased from every registration, and your calendar feed address stops working. [The platform does "
        "not yet erase dietary and accessibility needs when an event is over; counsel to decide the period.]",
        "you; the event's organisers, who download the attendee list with names, email addresses, cities, "
        "needs and answers; your city's focal point, who sees how many events each person registered for and "
        "attended, and approves registrations when an event asks for it; the secretariat.",
    ),
    heading("Emails we send you", "h3"),
    facts(
        "a copy of each email we send (the address, the subject and the text) until it is delivered.",
        "so that an email is tried again when the mail server does not answer, and so that we can see what "
        "went wrong when it is not delivered.",
        "sent emails are deleted after 30 days, emails that could not be delivered after 90 days, and every "
        "email to your addresses when you delete your account.",
        "the secretariat's technical team.",
    ),
    heading("Server logs and error reports", "h3"),
    facts(
        "one line per request: the method, the page address without what follows the question mark (secret "
        "links and email addresses in an address are removed), the answer's status, how long it took, and your "
        "account number when you are signed in. The application does not log your network (IP) address. Reports "
        "of programming errors, when they are switched on, leave out your account, network address and cookies.",
        "to keep the site running, find faults and see attacks.",
        "[30 days, in the hosting provider's log store: to be confirmed with the provider].",
        "the secretariat's technical team and the hosting provider.",
    ),
    heading("Cookies and similar", "h3"),
    paragraph(
        items(
            "<b>sessionid</b>: keeps you signed in; it ends when you sign out, or when you close the browser "
            "unless you asked to be remembered (then after two weeks).",
            "<b>csrftoken</b>: protects forms against being sent from other websites.",
            "<b>tz</b>: your browser's time zone name (for example Asia/Seoul), so that times are shown in it when "
            "your profile names no time zone; kept by your browser for a year. No other information is in it.",
            "To stop password guessing, the number of sign-in attempts from a network address is counted for a "
            "few minutes; the counters expire on their own.",
            "Words typed into the search box are counted per day, without any link to you, so that editors see "
            "what people look for; the counts are deleted after 30 days.",
        )
    ),
    heading("Member city profiles", "h3"),
    paragraph(
        "<p>The directory of member cities shows each organisation's name, city, country, region, website and "
        "description, and figures for the whole city (for example how many staff finished a course). It never "
        "shows the names of a city's staff.</p>"
    ),
    heading("Who else receives personal data"),
    paragraph(
        "<p>We do not sell personal data or share it for marketing. Companies that work for us receive it only "
        "to provide their service and under a contract: the hosting provider [name and country], the email "
        "delivery service [name and country] and, if switched on, the error reporting service [name and country]. "
        "[Counsel: transfers outside the association's country and their safeguards.]</p>"
    ),
    heading("Download your data"),
    paragraph(
        '<p>Signed in, open <a href="/me/">My hub</a> and choose "Download my data (JSON)". The file holds your '
        "account, your email addresses, your membership, your two-step sign-in methods (never their secrets), the "
        "invitations you received, your event registrations with your needs and answers, your certificates and "
        "your toolkit downloads. Your course enrolments and progress are shown on My hub; write to the "
        "secretariat for a copy of your quiz attempts.</p>"
    ),
    heading("Delete your account"),
    paragraph(
        '<p>Signed in, open <a href="/me/">My hub</a> and choose "Delete my account", then confirm with your '
        "password. In one step, your name, job title, department and time zone are cleared, your email addresses "
        "are removed, your two-step sign-in methods are deleted, you are signed out everywhere and nobody can sign "
        "in to the account again. What stays, and why, is described above for each feature: rows without your name "
        "that keep each city's figures right, and your certificates.</p>"
    ),
    heading("Your rights"),
    paragraph(
        "<p>You can see and correct your data on My hub, download it, and delete your account. You can also ask "
        "the secretariat what we hold about you, ask us to correct or erase something, or object to a use of your "
        "data. We answer within one month. If you think we do not respect your rights, you can complain to [the "
        "data protection authority that applies: to be completed].</p>"
    ),
    heading("Changes to this notice"),
    paragraph(
        f"<p>When a feature starts keeping something new, this notice changes first, and we tell account holders "
        f"by email about important changes. Last updated: {UPDATED}.</p>"
    ),
]


TERMS_INTRO = (
    "The rules for using WeGo Hub: who may have an account, what you may do with courses, toolkits and cases, "
    "what a certificate says, and what the association is and is not responsible for."
)

TERMS_BODY = [
    review_warning(),
    heading("Who these terms are between"),
    paragraph(
        "<p>WeGo Hub is run by the secretariat of the association of smart, sustainable cities [legal name and "
        "address: to be completed]. By creating an account, or by using the site without one, you accept these "
        'terms. How we handle personal data is explained in the <a href="/privacy/">privacy notice</a>.</p>'
    ),
    heading("Accounts"),
    paragraph(
        items(
            "Anyone may read the public pages. An account is for one person; use your real name.",
            "Staff of member cities ask to join their city; the city's focal point decides. The focal point may "
            "also remove someone who no longer works for the city.",
            "Keep your password to yourself and switch on two-step sign-in. Tell the secretariat at once if you "
            "think someone else used your account.",
            "The secretariat may suspend an account that breaks these terms, and tells the person why.",
        )
    ),
    heading("Acceptable use"),
    paragraph(
        "<p>Use the hub for the work of your city and of the association. Do not:</p>"
        + items(
            "break the law, or harass, threaten or deceive other people, including in answers to event questions;",
            "pass members-only courses, toolkits or pages to people outside the member organisations, unless the "
            "toolkit's licence allows it;",
            "download in bulk with programs, probe the site for weaknesses, or try to reach other people's data;",
            "upload or link to malicious software;",
            "present yourself as someone else, or as speaking for a city or the association when you do not.",
        )
        + '<p>If you find a security weakness, tell the secretariat (see the <a href="/contact/">contact '
        "page</a>) and give us time to fix it before you tell anyone else.</p>"
    ),
    heading("Courses, toolkits and cases: who owns what"),
    paragraph(
        items(
            "<b>Toolkits</b> carry their own licence, shown on each toolkit's page (for example CC BY 4.0, which "
            "lets you re-use and adapt a toolkit if you name its authors). Where a toolkit says "
            '"all rights reserved", you may use it inside your organisation but not publish it.',
            "<b>Courses</b> belong to the association and their authors unless a lesson says otherwise. You may "
            "use them for your own learning and for training inside your organisation.",
            "<b>Cases</b> are written by cities and consultants and reviewed by the secretariat before they are "
            "published. You may quote them, naming the case and WeGo Hub.",
            "A case or toolkit describes what one city did in its own situation. It is not advice for yours: "
            "check local law and conditions before you re-use it.",
        )
    ),
    heading("Certificates"),
    paragraph(
        "<p>A certificate states that the named person completed a course on WeGo Hub, on the date shown, with the "
        "hours shown. It is not a professional qualification or an accreditation. Anyone can check a certificate "
        "with its code or QR code. The association may revoke a certificate issued by mistake or obtained by "
        "breaking a quiz's rules; its verification page then says that it was revoked.</p>"
    ),
    heading("Events"),
    paragraph(
        "<p>Registering takes a seat or a place on the waiting list. Cancel as early as you can, on the event's "
        "page or on My hub, so that the next person gets your seat. Organisers may limit seats per city and "
        "change or cancel an event; registered people are told by email.</p>"
    ),
    heading("Availability and responsibility"),
    paragraph(
        "<p>We work to keep the hub available and correct, but we provide it as it is: it may be interrupted for "
        "maintenance or by faults, and content may contain mistakes. The association is not responsible for "
        "decisions a city takes on the basis of a case, toolkit or course, nor for other websites the hub links "
        "to. Nothing in these terms limits a responsibility that the law does not allow to be limited. [Counsel: "
        "the liability wording that applies to the association.]</p>"
    ),
    heading("Changes to these terms"),
    paragraph(
        "<p>We may change these terms when the platform or the law changes. We announce important changes on the "
        "site and by email to account holders at least 30 days before they apply; if you do not accept them, you "
        f"can delete your account. Last updated: {UPDATED}.</p>"
    ),
    heading("Law and disputes"),
    paragraph(
        "<p>[Counsel: the law that governs these terms and where disputes are settled. For public bodies, note any "
        "immunities of the association.] Before anything else, write to the secretariat: most questions are "
        "settled by a message.</p>"
    ),
]


CONTACT_INTRO = (
    "Write to the secretariat: it answers within two working days and passes your message on when someone else "
    "should answer it."
)

CONTACT_ADDRESS = "WeGo Hub Secretariat (demo address)\n100 Example Road, 5th floor\nSeoul 04500\nRepublic of Korea"
CONTACT_HOURS = "Monday to Friday, 9:00–18:00 Korea Standard Time (UTC+9)"

CONTACT_BODY = [
    callout(
        "Demo data",
        "<p>This address, the office hours and the email address are made up for the demonstration site. The "
        "secretariat replaces them with its own before launch (the email address is in Settings → Site settings).</p>",
    ),
    heading("Who to write to about what"),
    paragraph(
        items(
            '<b>Joining the hub.</b> Create an account and ask to join your city on <a href="/me/">My hub</a>: your '
            "city's focal point approves. If your city has no focal point yet, or the focal point has left, write "
            "to the secretariat and name your city.",
            "<b>Courses and certificates.</b> Write to the secretariat with the course's name. To check a "
            'certificate, use its code on the <a href="/certificates/">certificate check</a> page.',
            "<b>Toolkits and cases.</b> To propose a case from your city or report a mistake in a toolkit, write "
            "to the secretariat with the page's address.",
            "<b>Events.</b> The event's page says who organises it. Register or cancel on the event's page; write to "
            "the secretariat if you cannot.",
            '<b>Your personal data.</b> Write to the secretariat with "Personal data" in the subject; the <a '
            'href="/privacy/">privacy notice</a> says what we keep and what you can do yourself.',
            '<b>A security weakness.</b> Write to the secretariat with "Security" in the subject, and do not '
            "include other people's data.",
            "<b>Press and partnerships.</b> Write to the secretariat; it puts you in touch with the right person.",
        )
    ),
]
