"""Example comments for the demo clinic, so the thread and the review list have
something to show in development. Data only; load_demo_comments stores it."""

DEMO_COMMENTS = [
    {
        "article": "what-to-expect",
        "name": "Jordan",
        "email": "jordan@example.com",
        "body": "I had my first IMS session last week. The twitch felt strange, but the "
        "ache eased after a day.\nThank you for explaining it so clearly.",
        "status": "approved",
        "reply": "Thank you, Jordan. A deep ache for a day or two is common after IMS. "
        "If it lasts longer than that, please call us.",
    },
    {
        "article": "what-to-expect",
        "name": "Mei",
        "email": "mei@example.com",
        "body": "Can I go for a run on the day of my treatment?",
        "status": "approved",
        "reply": "Light activity like walking is usually fine. Your physiotherapist will "
        "tell you what suits you at the end of your session.",
    },
    {
        "article": "what-is-ims",
        "name": "Sam",
        "email": "sam@example.com",
        "body": "How is this different from a massage? My shoulder has been tight for months.",
        "status": "approved",
    },
    {
        "article": "what-is-ims",
        "name": "Chris",
        "email": "chris@example.com",
        "body": "My lower back hurts when I sit. Could someone call me at 604-555-0142 "
        "to talk about it?",
        "status": "decide",
    },
    {
        "article": "what-is-ims",
        "name": "Top Rank Agency",
        "email": "offers@example.net",
        "website": "https://example.net/",
        "body": "We sell backlinks and SEO services for clinics. Visit https://example.net "
        "and www.example.net today.",
        "status": "decide",
    },
]
