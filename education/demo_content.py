"""Demo content for the IMS and dry needling education site.

Plain data only. The ``load_demo_content`` management command turns these
structures into database rows.
"""

CLINIC = {
    "name": "Alder Creek Physiotherapy",
    "tagline": "Physiotherapy and IMS for muscle and nerve pain",
    "street_address": "210-4821 Alder Creek Road",
    "city": "New Westminster",
    "region": "BC",
    "postal_code": "V3M 0A1",
    "country": "CA",
    "phone": "604-555-0142",
    "email": "hello@example.com",
    "opening_hours": (
        "Monday to Friday: 8 am to 7 pm\nSaturday: 9 am to 2 pm\nSunday and statutory holidays: closed"
    ),
    "booking_url": "https://example.com/book",
    "review_rating": "4.8",
    "review_count": 120,
    "review_url": "https://example.com/reviews",
}

# One rule about infection, said the same way everywhere on the site.
INFECTION_RULE = (
    "If a needle spot gets red, hot, swollen or more painful, or leaks pus, call the "
    "clinic the same day. This can show up days or even weeks after treatment. If you "
    "also have a fever or feel unwell, see a doctor today or call 8-1-1."
)

# The references the pages cite. "key" is only for linking them below.
SOURCES = [
    {
        "key": "nhs-acupuncture",
        "title": "Acupuncture",
        "publisher": "NHS (nhs.uk)",
        "year": None,
        "url": "https://www.nhs.uk/conditions/acupuncture/",
        "supports": "Mild side effects of needling; care with bleeding problems, blood thinners, metal allergy, infection.",
    },
    {
        "key": "brady-2014",
        "title": (
            "Adverse events following trigger point dry needling: a prospective survey of "
            "chartered physiotherapists (Brady, McEvoy, Dommerholt and Doody)"
        ),
        "publisher": "Journal of Manual & Manipulative Therapy",
        "year": 2014,
        "url": "https://doi.org/10.1179/2042618613Y.0000000044",
        "supports": "Side effect rates in 7,629 treatments: mild in about 1 in 5; no serious ones.",
    },
    {
        "key": "boyce-2020",
        "title": "Adverse events associated with therapeutic dry needling",
        "publisher": "International Journal of Sports Physical Therapy",
        "year": 2020,
        "url": "https://doi.org/10.26603/ijspt20200103",
        "supports": "Side effect rates in 20,464 treatments; serious ones about 1 in 1,000.",
    },
    {
        "key": "patel-2019",
        "title": "Dry needling-induced pneumothorax",
        "publisher": "Journal of the American Osteopathic Association",
        "year": 2019,
        "url": "https://doi.org/10.7556/jaoa.2019.009",
        "supports": "A collapsed lung after dry needling and its signs; other rare harms.",
    },
    {
        "key": "cureus-2021",
        "title": "Pneumothorax following acupuncture (case report)",
        "publisher": "Cureus",
        "year": 2021,
        "url": "https://doi.org/10.7759/cureus.14207",
        "supports": "A collapsed lung can show up the day after dry needling.",
    },
    {
        "key": "iasp-terms",
        "title": "IASP terminology: neuropathic pain",
        "publisher": "International Association for the Study of Pain",
        "year": 2011,
        "url": "https://www.iasp-pain.org/resources/terminology/",
        "supports": "The medical meaning of neuropathic pain.",
    },
    {
        "key": "istop",
        "title": "Institute for the Study and Treatment of Pain (iSTOP)",
        "publisher": "iSTOP, Vancouver",
        "year": None,
        "url": "https://www.istop.org/",
        "supports": "Dr. Gunn's history of IMS and his theory of how it works.",
    },
    {
        "key": "gunn-1980",
        "title": (
            "Dry needling of muscle motor points for chronic low-back pain: a randomized "
            "clinical trial with long-term follow-up"
        ),
        "publisher": "Spine",
        "year": 1980,
        "url": (
            "https://pubmed.ncbi.nlm.nih.gov/?term=Dry+needling+of+muscle+motor+points+for"
            "+chronic+low-back+pain"
        ),
        "supports": "The first trial of Dr. Gunn's needling, in 56 injured workers.",
    },
    {
        "key": "navarro-2020",
        "title": (
            "Effectiveness of dry needling for myofascial trigger points associated with neck "
            "pain symptoms: an updated systematic review and meta-analysis"
        ),
        "publisher": "Journal of Clinical Medicine",
        "year": 2020,
        "url": "https://doi.org/10.3390/jcm9103300",
        "supports": "Short-term relief of neck pain; soreness after needling is common.",
    },
    {
        "key": "espejo-2017",
        "title": (
            "Dry needling in the management of myofascial trigger points: a systematic review "
            "of randomized controlled trials"
        ),
        "publisher": "Complementary Therapies in Medicine",
        "year": 2017,
        "url": "https://doi.org/10.1016/j.ctim.2017.06.003",
        "supports": "Short-term help for pain and movement; better trials needed.",
    },
    {
        "key": "umbrella-2023",
        "title": "Clinical effectiveness of dry needling in patients with musculoskeletal pain: an umbrella review",
        "publisher": "Journal of Clinical Medicine",
        "year": 2023,
        "url": "https://doi.org/10.3390/jcm12031205",
        "supports": "Strong proof of how well dry needling works is still lacking.",
    },
    {
        "key": "kalichman-2010",
        "title": "Dry needling in the management of musculoskeletal pain",
        "publisher": "Journal of the American Board of Family Medicine",
        "year": 2010,
        "url": "https://doi.org/10.3122/jabfm.2010.05.090296",
        "supports": "Trigger points, referred pain and the twitch response.",
    },
    {
        "key": "brinjikji-2015",
        "title": (
            "Systematic literature review of imaging features of spinal degeneration in "
            "asymptomatic populations"
        ),
        "publisher": "American Journal of Neuroradiology",
        "year": 2015,
        "url": "https://doi.org/10.3174/ajnr.A4173",
        "supports": "Scans often show changes in people with no pain.",
    },
    {
        "key": "nhs-carpal-tunnel",
        "title": "Carpal tunnel syndrome",
        "publisher": "NHS (nhs.uk)",
        "year": None,
        "url": "https://www.nhs.uk/conditions/carpal-tunnel-syndrome/",
        "supports": "What carpal tunnel syndrome is and its usual treatments.",
    },
    {
        "key": "physio-alberta-consent",
        "title": "Dry needling adverse events: frequently asked questions",
        "publisher": "Physiotherapy Alberta College + Association",
        "year": None,
        "url": (
            "https://www.physiotherapyalberta.ca/physiotherapists/"
            "resources_to_help_you_meet_practice_standards/dry_needling_safety_resources/"
            "faq_dry_needling_adverse_events"
        ),
        "supports": "Consent and explaining the risks before dry needling.",
    },
    {
        "key": "gattie-2020",
        "title": (
            "A survey of American physical therapists' current practice of dry needling: "
            "practice patterns and adverse events"
        ),
        "publisher": "Musculoskeletal Science and Practice",
        "year": 2020,
        "url": "https://doi.org/10.1016/j.msksp.2020.102255",
        "supports": "Most courses of dry needling are 3 to 6 sessions.",
    },
    {
        "key": "college-roster",
        "title": "Authorization to use dry needles in physiotherapy practice",
        "publisher": "College of Physical Therapists of BC (now the College of Health and Care Professionals of BC)",
        "year": None,
        "url": "https://cptbc.org/physical-therapists/acupunture-andor-dry-needling-roster/",
        "supports": "BC physiotherapists who use needles must be on the college's roster.",
    },
    {
        "key": "chcpbc",
        "title": "College of Health and Care Professionals of BC",
        "publisher": "College of Health and Care Professionals of BC",
        "year": None,
        "url": "https://chcpbc.org/",
        "supports": "The college's public register of physiotherapists.",
    },
    {
        "key": "healthlink",
        "title": "HealthLink BC: call 8-1-1",
        "publisher": "HealthLink BC, Government of British Columbia",
        "year": None,
        "url": "https://www.healthlinkbc.ca/",
        "supports": "8-1-1 nurse advice day and night; 7-1-1 for deaf and hard-of-hearing callers.",
    },
    {
        "key": "msp-supplementary",
        "title": "Supplementary benefits",
        "publisher": "Government of British Columbia (gov.bc.ca)",
        "year": None,
        "url": (
            "https://www2.gov.bc.ca/gov/content/health/health-drug-coverage/msp/"
            "bc-residents/benefits/services-covered-by-msp/supplementary-benefits"
        ),
        "supports": "MSP pays $23 a visit, up to 10 visits a year, for eligible people.",
    },
    {
        "key": "pabc-icbc",
        "title": "ICBC: coverage for physiotherapy after a crash",
        "publisher": "Physiotherapy Association of BC",
        "year": None,
        "url": "https://bcphysio.org/public/access-fee-and-coverage/icbc",
        "supports": "Starting physiotherapy after reporting a crash to ICBC.",
    },
    {
        "key": "ubc-icbc",
        "title": "ICBC pre-approved referrals: questions and answers",
        "publisher": "UBC Continuing Professional Development",
        "year": None,
        "url": "https://ubccpd.ca/icbc-education/preapproved-referrals",
        "supports": "No referral needed in the first 12 weeks; you pay above ICBC's fee.",
    },
    {
        "key": "pabc-other",
        "title": "Other coverage for physiotherapy",
        "publisher": "Physiotherapy Association of BC",
        "year": None,
        "url": "https://bcphysio.org/public/access-fee-and-coverage/other-coverage",
        "supports": "Paying yourself; each clinic sets its own fees.",
    },
    {
        "key": "worksafebc",
        "title": "Health care benefits",
        "publisher": "WorkSafeBC",
        "year": None,
        "url": "https://www.worksafebc.com/en/claims/benefits-services/health-care-benefits",
        "supports": "What WorkSafeBC pays for and how providers bill it.",
    },
]

REVIEWERS = [
    {
        "name": "Maya Thornton",
        "slug": "maya-thornton",
        "credentials": "Registered Physiotherapist, MPT, Certified in IMS (UBC Gunn IMS program)",
        "on_needling_roster": True,
        "ims_training": "Gunn IMS certificate, taught through the University of British Columbia",
        "languages": "English, French",
        "bio": (
            "Maya treats neck, back and shoulder pain. She likes to explain each step "
            "before she starts, and she checks every article on this site."
        ),
        "booking_url": "",
        "order": 1,
    },
    {
        "name": "Daniel Okafor",
        "slug": "daniel-okafor",
        "credentials": "Registered Physiotherapist, BSc (PT), Certified in IMS (UBC Gunn IMS program)",
        "on_needling_roster": True,
        "ims_training": "Gunn IMS certificate, taught through the University of British Columbia",
        "languages": "English, Igbo",
        "bio": (
            "Daniel works with sports injuries and people hurt at work or in a crash. He "
            "pairs needling with an exercise plan you can do at home."
        ),
        "booking_url": "",
        "order": 2,
    },
]

RESOURCES = [
    {
        "title": "Institute for the Study and Treatment of Pain (iSTOP)",
        "url": "https://www.istop.org/",
        "description": (
            "The non-profit institute founded by Dr. Chan Gunn, with information about IMS "
            "and how it is taught."
        ),
        "order": 1,
    },
    {
        "title": "Physiotherapy Association of British Columbia",
        "url": "https://bcphysio.org/",
        "description": (
            "The professional association for physiotherapists in BC, with general "
            "information about physiotherapy."
        ),
        "order": 2,
    },
]

ISTOP = RESOURCES[0]["title"]
PABC = RESOURCES[1]["title"]

SIDE_EFFECTS_STUDIES = ["brady-2014", "boyce-2020"]

ARTICLES = [
    {
        "slug": "what-is-ims",
        "title": "What is IMS and how might it work?",
        "summary": (
            "IMS is a type of dry needling for muscle pain. Learn where it came from, what "
            "Dr. Gunn's theory says, what the research shows, and why a careful exam comes first."
        ),
        "body": (
            "<h2>IMS in a few words</h2>"
            "<p>IMS stands for intramuscular stimulation. <em>Intramuscular</em> means "
            "inside the muscle. IMS is a type of dry needling. A physiotherapist puts a very "
            "thin needle into a tight muscle. It is called dry because nothing is injected. "
            "No drug goes in, and no electricity is used.</p>"
            "<p>IMS is used for some kinds of long-lasting muscle pain. It aims at muscles "
            "that feel short, tight and tender.</p>"
            "<h2>Where IMS came from</h2>"
            "<p>Dr. Chan Gunn developed IMS in the 1970s. At the time, he was the clinic "
            "physician at the Workers' Compensation Board of British Columbia. He saw many "
            "hurt workers whose pain did not go away. Today, physiotherapists take special "
            "training to learn his method.</p>"
            "<h2>Dr. Gunn's theory</h2>"
            "<p>Dr. Gunn believed that much long-lasting muscle pain starts with a nerve "
            "near the spine that works poorly but looks normal. In his view, the muscles that "
            "nerve controls become tight and too sensitive. He called this neuropathy. This "
            "is his own use of the word. Doctors use it for nerve damage or disease, such as "
            "nerve damage from diabetes. Dr. Gunn's idea is a theory. It has not been proven.</p>"
            "<h2>How might the needle help?</h2>"
            "<p>Researchers don't yet know how IMS works. Dr. Gunn proposed three effects. "
            "Each one is an idea, not a proven fact:</p>"
            "<ol>"
            "<li><strong>Reflex relaxation.</strong> Muscles have tiny sensors that notice "
            "stretch. He thought the needle sets them off, so the muscle relaxes and gets "
            "longer.</li>"
            "<li><strong>A healing response.</strong> The needle makes a very small injury. "
            "He thought this brings more blood flow and starts the body's own healing.</li>"
            "<li><strong>Help for the nerve.</strong> He thought the needle makes a tiny "
            "electrical signal in the muscle, called an electrical potential, that helps the "
            "nerve work normally again.</li>"
            "</ol>"
            "<h2>What the research shows</h2>"
            "<p>Reviews of many studies found that dry needling may ease muscle pain for a "
            "short time, from right after treatment to a few weeks or months. Most studies "
            "were small, and their quality was low to moderate. There are few trials of IMS "
            "itself. In one early trial, injured workers with long-lasting back pain did "
            "better when needling was added to their care. We don't yet know how long the "
            "effect lasts or who it helps most.</p>"
            "<h2>Why the exam matters</h2>"
            "<p>Before any needle, your physiotherapist examines you with care. They ask "
            "about your health and look for warning signs that need a doctor first. Then "
            "they check how you move and feel for tight, tender muscles.</p>"
            "<p>Scans such as X-rays or MRI often look normal in people with long-lasting "
            "pain. They can also show changes that many people without pain have too. That "
            "does not mean your pain is not real. Scans still help rule out other causes, "
            "and MRI and nerve tests can show real nerve problems.</p>"
            "<h2>What IMS can and cannot do</h2>"
            "<p>IMS may ease pain and help tight muscles relax for a while. Results vary "
            "from person to person, and it does not help everyone. IMS works best as one "
            "part of a plan. That plan often includes exercise and other care from your "
            "physiotherapist.</p>"
        ),
        "author_name": "Maya Thornton",
        "reviewer": "Daniel Okafor",
        "is_featured": True,
        "order": 1,
        "allow_comments": True,
        "related": ["ims-and-nerve-pain", "what-to-expect", "ims-and-acupuncture"],
        "resources": [ISTOP, PABC],
        "sources": ["istop", "gunn-1980", "espejo-2017", "brinjikji-2015"],
        "reviewed_days_ago": 10,
    },
    {
        "slug": "what-to-expect",
        "title": "What to expect during and after an IMS session",
        "summary": (
            "What happens at your first visit, what the needle feels like, your right to "
            "stop, side effects, soreness for a day or two, and when to review your plan."
        ),
        "body": (
            "<h2>First, an assessment</h2>"
            "<p>Your first visit starts with an assessment. Your physiotherapist will ask "
            "about your pain, your health and any medicines you take. Then they will examine "
            "you. This helps them decide if IMS suits you.</p>"
            "<h2>Before the first needle: your consent</h2>"
            "<p>Your physiotherapist must explain the treatment and ask for your consent "
            "first. They will tell you:</p>"
            "<ul>"
            "<li>what they plan to do and why</li>"
            "<li>the common side effects, such as soreness and bruising</li>"
            "<li>the rare serious risks, such as a collapsed lung when needling near the "
            "chest</li>"
            "<li>other treatments you could have instead</li>"
            "</ul>"
            "<p>You can say no. You can ask questions. You can stop at any time, even in "
            "the middle of a session. Just say stop.</p>"
            "<h2>During the treatment</h2>"
            "<p>Your physiotherapist uses a very thin, sterile needle that is used only "
            "once. The needle goes into the muscle and comes right back out. Here is what "
            "you may feel:</p>"
            "<ul>"
            "<li>a small prick as the needle goes in</li>"
            "<li>in a tight, tender muscle, a deep cramp or ache for a short time, as the "
            "muscle grabs the needle</li>"
            "<li>then the muscle often lets go</li>"
            "</ul>"
            "<p>The cramp is common and expected. But it is not a sign that the treatment "
            "is working, and more pain is not better. Tell your physiotherapist at once if "
            "you feel sharp, burning or electric pain, pain when you breathe in, or if you "
            "feel faint.</p>"
            "<h2>Side effects</h2>"
            "<p>In two large studies, about 1 in 5 treatments led to a mild side effect. "
            "The most common were bleeding at the needle spot, a bruise, and pain during or "
            "after treatment. Some people feel tired, drowsy or faint. Serious side effects "
            "are rare: about 1 in 1,000 treatments or fewer. Our safety page lists them all, "
            "with how often they happen.</p>"
            "<p>Do not drive while you feel drowsy, dizzy or faint. Wait until it has "
            "passed.</p>"
            "<h2>The next day or two</h2>"
            "<p>It is common to have a deep ache in the treated areas for 24 to 48 hours. It "
            "can feel like your muscles after a hard workout at the gym. It usually settles "
            "on its own.</p>"
            "<p>To help with the soreness:</p>"
            "<ul>"
            "<li>Put a cool pack on the sore area. Wrap it in a thin towel to protect your "
            "skin.</li>"
            "<li>Keep moving gently. Do the exercises your physiotherapist gave you.</li>"
            "</ul>"
            "<p>Call the clinic if the ache lasts longer than 48 hours or keeps getting "
            "worse. " + INFECTION_RULE + "</p>"
            "<h2>How often and how many sessions?</h2>"
            "<p>IMS is often given about once a week. The number of sessions is different "
            "for each person. Many courses of dry needling are 3 to 6 sessions.</p>"
            "<h2>If it is not helping</h2>"
            "<p>Our clinic's rule is to review your plan if you feel no better after 3 or 4 "
            "sessions. Your physiotherapist will check you again. They may change the plan, "
            "stop IMS, or suggest other care or a visit to your doctor.</p>"
        ),
        "author_name": "Daniel Okafor",
        "reviewer": "Maya Thornton",
        "is_featured": True,
        "order": 2,
        "allow_comments": True,
        "related": ["what-is-ims", "who-should-not-have-ims", "trigger-points-and-referred-pain"],
        "resources": [ISTOP],
        "sources": ["physio-alberta-consent", "brady-2014", "boyce-2020", "gattie-2020"],
        "reviewed_days_ago": 10,
    },
    {
        "slug": "who-should-not-have-ims",
        "title": "Who should not have IMS",
        "summary": (
            "IMS is not right for everyone. Find out who should not have it, what to tell "
            "your physiotherapist first, the warning signs after treatment, and infection."
        ),
        "body": (
            "<h2>IMS is not for everyone</h2>"
            "<p>Like any treatment that uses needles, IMS has some risks. It is not right "
            "for everyone. Your physiotherapist will ask about your health before they "
            "start. Please answer as fully as you can.</p>"
            "<h2>See a doctor first</h2>"
            "<p>Some signs need a doctor before any IMS. They include fever with your pain, "
            "weight loss you can't explain, a past or current cancer, severe pain at night, "
            "new weakness or numbness, and changes in bladder or bowel control. Chest pain "
            "or trouble breathing right now needs 911.</p>"
            "<h2>When we do not give IMS</h2>"
            "<ul>"
            "<li><strong>Pregnancy.</strong> Our clinic's policy is not to give IMS during "
            "pregnancy. This is our choice to be careful.</li>"
            "<li><strong>Hemophilia or another bleeding disorder.</strong> Hemophilia is a "
            "condition where the blood does not clot well. Even a thin needle could cause "
            "bleeding that is hard to stop.</li>"
            "<li><strong>An infection in the area to be treated.</strong> A needle should not "
            "go into skin or muscle that is infected.</li>"
            "<li><strong>Lymphoedema.</strong> We do not needle an arm or leg with "
            "lymphoedema, or where lymph nodes were removed.</li>"
            "<li><strong>Not able to consent.</strong> You must be able to understand the "
            "treatment and agree to it yourself.</li>"
            "<li><strong>Children.</strong> Our clinic's policy is to give IMS only to adults "
            "aged 18 or over.</li>"
            "</ul>"
            "<h2>Tell your physiotherapist first</h2>"
            "<p>These do not always rule out IMS. But your physiotherapist must know about "
            "them before treatment:</p>"
            "<ul>"
            "<li><strong>Blood thinners.</strong> These include anticoagulants and "
            "antiplatelet medicines such as daily aspirin. Some supplements may affect "
            "bleeding too. They make bruising and bleeding more likely. Do not stop any "
            "medicine without first asking your doctor.</li>"
            "<li><strong>A weak immune system,</strong> for example from cancer treatment, "
            "steroid tablets or diabetes.</li>"
            "<li><strong>A metal allergy,</strong> such as to nickel.</li>"
            "<li><strong>Implants,</strong> such as a pacemaker, breast implants or a joint "
            "replacement, and any recent surgery.</li>"
            "<li><strong>Epilepsy or seizures.</strong></li>"
            "<li><strong>A strong fear of needles,</strong> or fainting at needles before.</li>"
            "</ul>"
            "<h2>About the risk of infection</h2>"
            "<p>We use only sterile needles that are used once. Sterile means free of germs. "
            "Each needle is used one time and then thrown away safely. This keeps the risk "
            "of infection very low, but not zero. " + INFECTION_RULE + "</p>"
            "<h2>Needling near the chest</h2>"
            "<p>Some muscles lie over the ribs and lungs. Your physiotherapist takes extra "
            "care when treating near the chest, ribs, shoulders or upper back. In rare cases, "
            "a needle there can puncture a lung. This is called a collapsed lung. Signs may "
            "start hours or up to two days later. They include pain when you breathe in, "
            "feeling short of breath, and a dry cough. If you have any of these, call 911 or "
            "go to the nearest emergency department. Tell them you had needling.</p>"
            "<p>Not sure? Ask us before you book, or try our short self-check.</p>"
        ),
        "author_name": "Maya Thornton",
        "reviewer": "Daniel Okafor",
        "is_featured": True,
        "order": 3,
        "allow_comments": True,
        "related": ["what-to-expect", "what-is-ims"],
        "resources": [ISTOP, PABC],
        "sources": ["nhs-acupuncture", "patel-2019", "cureus-2021", "boyce-2020"],
        "reviewed_days_ago": 10,
    },
    {
        "slug": "ims-and-acupuncture",
        "title": "IMS compared with acupuncture",
        "summary": (
            "IMS and acupuncture use the same thin needles, but they are different "
            "treatments. Here is how they differ in where the needle goes and how long it "
            "stays in."
        ),
        "body": (
            "<h2>Same needles, different treatments</h2>"
            "<p>IMS and acupuncture both use very thin, solid needles. In fact, IMS uses "
            "acupuncture needles. So people often think they are the same thing. They are "
            "not. The two treatments are based on different ideas. They also use the needles "
            "in different ways.</p>"
            "<h2>The main differences</h2>"
            "<ul>"
            "<li><strong>How long the needle stays in.</strong> In IMS, the needle goes in "
            "and comes right back out. In acupuncture, the needles often stay in place for "
            "a number of minutes.</li>"
            "<li><strong>Where the needle goes.</strong> IMS needles go into trigger points "
            "and tight bands of muscle. Trigger points are tight, sore knots in a muscle. "
            "IMS needles may also go near the spine, where Dr. Gunn thought an irritated "
            "nerve root was the cause. Acupuncture needles are placed along lines on the body "
            "called meridians.</li>"
            "<li><strong>The idea behind it.</strong> IMS is based on Dr. Gunn's theory of "
            "how nerves and muscles work. Acupuncture comes from traditional Chinese "
            "medicine. In that tradition, the goal is to "
            'help the body restore the flow of Qi (said "chee"), the body\'s energy.</li>'
            "</ul>"
            "<h2>Side effects are alike</h2>"
            "<p>Because both put a needle through the skin, the side effects are much the "
            "same. They include soreness, a bruise or a drop of blood, feeling drowsy, and "
            "feeling faint. Serious problems are rare.</p>"
            "<h2>IMS and other kinds of dry needling</h2>"
            "<p>You may hear other names too. These include dry needling, trigger point dry "
            "needling and intramuscular manual therapy. They are closely related. All of "
            "them put a thin needle into muscle without injecting anything.</p>"
            "<p>IMS is one method of dry needling. Dr. Chan Gunn developed it. It puts a "
            "strong focus on the nerves and on the muscles near the spine.</p>"
            "<h2>Which one is right for me?</h2>"
            "<p>That depends on what is causing your pain. Your physiotherapist will examine "
            "you first. They will explain what they find and whether IMS makes sense for "
            "you. You can always ask questions before you decide.</p>"
            "<h2>Quick summary</h2>"
            "<ol>"
            "<li>Both use the same thin, solid needles.</li>"
            "<li>IMS: the needle goes in and out right away. Acupuncture: needles are often "
            "left in for a number of minutes.</li>"
            "<li>IMS: needles go into trigger points and tight muscle, including near the "
            "spine. Acupuncture: needles follow meridians to restore the flow of Qi.</li>"
            "</ol>"
        ),
        "author_name": "Daniel Okafor",
        "reviewer": "Maya Thornton",
        "is_featured": True,
        "order": 4,
        "allow_comments": True,
        "related": ["what-is-ims", "trigger-points-and-referred-pain"],
        "resources": [ISTOP],
        "sources": ["nhs-acupuncture", "istop", "kalichman-2010"],
        "reviewed_days_ago": 10,
    },
    {
        "slug": "ims-and-nerve-pain",
        "title": "IMS, nerves and Dr. Gunn's idea of neuropathy",
        "summary": (
            "What doctors mean by neuropathic pain, what Dr. Gunn meant by neuropathy, why "
            "scans often look normal, and when to see your doctor instead."
        ),
        "body": (
            "<h2>Two meanings of one word</h2>"
            "<p>You may read that IMS treats neuropathy or neuropathic pain. These words "
            "mean different things to different people, so it helps to know which is "
            "which.</p>"
            "<ul>"
            "<li><strong>What doctors mean.</strong> The world's pain experts define "
            "neuropathic pain as pain caused by damage or disease of the nerves that carry "
            "feeling. Examples are nerve pain from diabetes, pain after shingles, and a "
            "pinched nerve that a doctor can find on tests.</li>"
            "<li><strong>What Dr. Gunn meant.</strong> Dr. Chan Gunn, who developed IMS, used "
            "neuropathy in his own way. He meant a nerve that works poorly but looks normal. "
            "This is his theory. It is not the same as the medical meaning.</li>"
            "</ul>"
            "<p><strong>IMS is not an established treatment for diabetic neuropathy, pain "
            "after shingles, or nerve damage.</strong> If you have numbness, tingling, burning "
            "or weakness, please see your doctor.</p>"
            "<h2>Dr. Gunn's theory</h2>"
            "<p>Dr. Gunn believed that a nerve root near the spine can become irritated. In "
            "his view, the muscles that nerve controls then get short, tight and too "
            "sensitive. He thought tight muscles along the spine could then squeeze the "
            "discs, the small joints of the spine and the nerve roots. In his model, this "
            "keeps the problem going. Researchers have not proven this.</p>"
            "<h2>Signs Dr. Gunn described</h2>"
            "<p>A physiotherapist trained in IMS looks for signs that Dr. Gunn described, "
            "such as:</p>"
            "<ul>"
            "<li>muscles that are shortened, tight or in spasm (tightening on their own)</li>"
            "<li>spots that are tender to touch</li>"
            "<li>changes in temperature, sweating or feeling in the skin</li>"
            "<li>goose bumps or swelling over the area</li>"
            "</ul>"
            "<p>Other causes can lead to these signs too. New changes in your skin, hair or "
            "nails need a doctor's check. For example, psoriasis is a disease of the immune "
            "system, not a sign of a tight muscle.</p>"
            "<h2>Why scans often look normal</h2>"
            "<p>Many people with long-lasting pain have had scans that looked normal, or "
            "that showed changes many people without pain also have. That can be upsetting, "
            "but it does not mean the pain is not real. Scans still matter: they help rule "
            "out other causes. MRI and nerve tests can show real nerve problems when they "
            "are there.</p>"
            "<h2>How IMS may help</h2>"
            "<p>IMS aims at short, tight, tender muscles. For some people, needling eases "
            "muscle pain for a while. Studies mostly show short-term help, and results vary. "
            "Most people need more than one session, and it works best with exercise.</p>"
        ),
        "author_name": "Maya Thornton",
        "reviewer": "Daniel Okafor",
        "is_featured": False,
        "order": 5,
        "allow_comments": True,
        "related": ["what-is-ims", "trigger-points-and-referred-pain"],
        "resources": [ISTOP],
        "sources": ["iasp-terms", "istop", "brinjikji-2015", "espejo-2017"],
        "reviewed_days_ago": 10,
    },
    {
        "slug": "trigger-points-and-referred-pain",
        "title": "Trigger points and referred pain",
        "summary": (
            "Trigger points are tight knots in a muscle that can send pain to other places, "
            "such as headaches from the neck and shoulders. Learn how needling treats them."
        ),
        "body": (
            "<h2>What is a trigger point?</h2>"
            "<p>You may have felt a knot in a muscle. It might be in your neck, shoulder or "
            "back. These knots are called trigger points. A trigger point is a small, tender "
            "spot inside a tight band of muscle. It often hurts when you press on it. The "
            "pain and stiffness can make everyday tasks hard.</p>"
            "<h2>Why do trigger points form?</h2>"
            "<p>Researchers don't yet know for sure. They are common after an injury or "
            "strain, and with long-lasting pain. Dr. Gunn's theory is that they form when a "
            "nerve is irritated. Other experts have other ideas.</p>"
            "<h2>Referred pain: pain in a different place</h2>"
            "<p>A trigger point often sends pain to another place. This is called referred "
            "pain. You may feel the pain some distance away from the muscle that is causing "
            "it.</p>"
            "<p>Headaches are a good example. Tight muscles in the neck and shoulders can "
            "send pain up into the head. For some people, treating these muscles may make "
            "headaches happen less often or feel less strong.</p>"
            "<p>So your physiotherapist may treat muscles that are not where you feel the "
            "pain. They are following the map of where the pain may start.</p>"
            "<h2>When fingers cannot reach</h2>"
            "<p>Massage can work on muscle knots. But some trigger points sit deep in the "
            "muscle. Fingers and hands cannot always reach them. A very thin needle "
            "can.</p>"
            "<h2>What happens when a needle reaches a trigger point</h2>"
            "<ul>"
            "<li>The needle is tapped into the tight band or knot.</li>"
            "<li>The muscle may give a quick jump. This is called a local twitch "
            "response.</li>"
            "<li>The muscle may tighten or cramp for a moment, then let go.</li>"
            "<li>After that, the muscle often feels looser for a while.</li>"
            "</ul>"
            "<p>Speak up at once if you feel sharp, burning or electric pain, pain when you "
            "breathe in, or feel faint. You can stop at any time.</p>"
            "<h2>Part of a bigger plan</h2>"
            "<p>Treating trigger points is usually one part of your care. Your "
            "physiotherapist will likely add stretches and exercises. How much it helps is "
            "different for each person, and studies mostly show short-term help.</p>"
        ),
        "author_name": "Daniel Okafor",
        "reviewer": "Maya Thornton",
        "is_featured": False,
        "order": 6,
        "allow_comments": True,
        "related": ["ims-and-nerve-pain", "ims-and-acupuncture", "what-to-expect"],
        "resources": [ISTOP],
        "sources": ["kalichman-2010", "espejo-2017", "navarro-2020"],
        "reviewed_days_ago": 10,
    },
]

FAQ_CATEGORIES = [
    {
        "slug": "about-ims",
        "name": "About IMS",
        "intro": "The basics of IMS: what it is, where it came from and what it may help.",
        "order": 1,
        "faqs": [
            {
                "question": "What is IMS?",
                "answer": (
                    "<p>IMS stands for intramuscular stimulation. It is a type of dry needling. "
                    "A physiotherapist puts a very thin needle into tight muscles. Nothing is "
                    "injected, and no electricity is used.</p>"
                ),
                "order": 1,
                "related_article": "what-is-ims",
                "sources": ["istop", "espejo-2017"],
            },
            {
                "question": "Who developed IMS?",
                "answer": (
                    "<p>Dr. Chan Gunn developed IMS in the 1970s. At the time, he was the "
                    "clinic physician at the Workers' Compensation Board of British Columbia. "
                    "He made it for injured workers whose muscle pain did not go away.</p>"
                ),
                "order": 2,
                "related_article": "what-is-ims",
                "sources": ["istop", "gunn-1980"],
            },
            {
                "question": "Why didn't my X-ray or MRI show the problem?",
                "answer": (
                    "<p>Scans often look normal in people with long-lasting pain. They can also "
                    "show changes that many people without pain have too. This does not mean "
                    "your pain is not real. Scans still help rule out other causes, and MRI and "
                    "nerve tests can show real nerve problems.</p>"
                ),
                "order": 3,
                "related_article": "ims-and-nerve-pain",
                "sources": ["brinjikji-2015", "iasp-terms"],
            },
            {
                "question": "Does IMS work?",
                "answer": (
                    "<p>It may help some people for a while. Reviews of many studies found that "
                    "dry needling can ease muscle pain in the short term. Most studies were "
                    "small, and there are few trials of IMS itself. Researchers don't yet know "
                    "how long the effect lasts.</p>"
                ),
                "order": 4,
                "related_article": "what-is-ims",
                "sources": ["navarro-2020", "espejo-2017", "umbrella-2023"],
            },
            {
                "question": "What kinds of pain can IMS help with?",
                "answer": (
                    "<p>IMS is used for some kinds of muscle pain, such as some neck and back "
                    "pain, tension headaches and sports injuries. Results vary from person to "
                    "person. IMS is not an established treatment for nerve damage, such as "
                    "nerve pain from diabetes or after shingles.</p>"
                ),
                "order": 5,
                "related_article": "trigger-points-and-referred-pain",
                "sources": ["espejo-2017", "iasp-terms"],
            },
        ],
    },
    {
        "slug": "ims-and-acupuncture",
        "name": "IMS and acupuncture",
        "intro": "How IMS and acupuncture are alike, and how they are different.",
        "order": 2,
        "faqs": [
            {
                "question": "Is IMS the same as acupuncture?",
                "answer": (
                    "<p>No. Both use the same thin needles, but they are different treatments. "
                    "IMS is based on Dr. Gunn's theory of nerves and muscles. Acupuncture comes "
                    "from traditional Chinese medicine.</p>"
                ),
                "order": 1,
                "related_article": "ims-and-acupuncture",
                "sources": ["nhs-acupuncture", "istop"],
            },
            {
                "question": "How long do the needles stay in?",
                "answer": (
                    "<p>In IMS, the needle goes in and comes right back out. In acupuncture, "
                    "the needles often stay in for a number of minutes.</p>"
                ),
                "order": 2,
                "related_article": "ims-and-acupuncture",
                "sources": ["nhs-acupuncture", "istop"],
            },
            {
                "question": "Where do the needles go?",
                "answer": (
                    "<p>IMS needles go into trigger points and tight bands of muscle. They may "
                    "also go near the spine. Acupuncture needles are placed along lines called "
                    "meridians. In Chinese medicine, these lines carry the body's energy, "
                    "called Qi.</p>"
                ),
                "order": 3,
                "related_article": "ims-and-acupuncture",
                "sources": ["nhs-acupuncture", "kalichman-2010"],
            },
        ],
    },
    {
        "slug": "before-your-treatment",
        "name": "Before your treatment",
        "intro": "What happens before the first needle, and what to tell us.",
        "order": 3,
        "faqs": [
            {
                "question": "Do I need an assessment first?",
                "answer": (
                    "<p>Yes. Your physiotherapist will examine you before any needling. They "
                    "ask about your health and check for warning signs that need a doctor. "
                    "Then they check how you move and look for tight, tender muscles.</p>"
                ),
                "order": 1,
                "related_article": "what-to-expect",
                "sources": ["physio-alberta-consent", "istop"],
            },
            {
                "question": "What should I tell my physiotherapist?",
                "answer": (
                    "<p>Tell them if you are pregnant or could be. Tell them about bleeding "
                    "problems, infections, lymphoedema, a weak immune system, metal allergy, "
                    "implants, recent surgery, epilepsy or a fear of needles. Bring a list of "
                    "all your medicines and supplements, especially blood thinners.</p>"
                ),
                "order": 2,
                "related_article": "who-should-not-have-ims",
                "sources": ["nhs-acupuncture", "patel-2019"],
            },
            {
                "question": "Does IMS hurt?",
                "answer": (
                    "<p>You may feel a small prick. In a tight muscle you may feel a deep cramp "
                    "for a short time. This is common and expected, but more pain is not "
                    "better. Tell your physiotherapist at once about sharp, burning or electric "
                    "pain, pain when you breathe in, or feeling faint.</p>"
                ),
                "order": 3,
                "related_article": "what-to-expect",
                "sources": ["brady-2014", "boyce-2020"],
            },
            {
                "question": "Can I say no, or stop during treatment?",
                "answer": (
                    "<p>Yes. Your physiotherapist must explain the treatment and its risks and "
                    "ask for your consent before the first needle. You can say no, and you can "
                    "stop at any time. Just say stop.</p>"
                ),
                "order": 4,
                "related_article": "what-to-expect",
                "sources": ["physio-alberta-consent", "college-roster"],
            },
        ],
    },
    {
        "slug": "aftercare",
        "name": "Aftercare",
        "intro": "What is normal after IMS, what helps, and when to call.",
        "order": 4,
        "faqs": [
            {
                "question": "Is it normal to be sore after IMS?",
                "answer": (
                    "<p>Yes, it is common. Many people have a deep ache for 24 to 48 hours. It "
                    "feels like your muscles after a hard workout. It usually settles on its "
                    "own.</p>"
                ),
                "order": 1,
                "related_article": "what-to-expect",
                "sources": ["navarro-2020", "brady-2014"],
            },
            {
                "question": "What helps with the soreness?",
                "answer": (
                    "<p>Put a cool pack on the sore area. Wrap it in a thin towel first. Keep "
                    "moving gently, and do the exercises your physiotherapist gave you.</p>"
                ),
                "order": 2,
                "related_article": "what-to-expect",
                "sources": ["navarro-2020", "nhs-acupuncture"],
            },
            {
                "question": "Can I drive after IMS?",
                "answer": (
                    "<p>Only once you feel well. Some people feel drowsy, dizzy or faint after "
                    "needling. Do not drive while you feel drowsy, dizzy or faint. Do not cycle or use "
                    "machines either until it has passed.</p>"
                ),
                "order": 3,
                "related_article": "what-to-expect",
                "sources": ["nhs-acupuncture", "brady-2014"],
            },
            {
                "question": "When should I call the clinic?",
                "answer": (
                    "<p>Call us if the ache lasts longer than 48 hours or keeps getting worse. "
                    + INFECTION_RULE
                    + " If you have chest pain, pain when you breathe in, or trouble breathing, "
                    "call 911 or go to the nearest emergency department.</p>"
                ),
                "order": 4,
                "related_article": None,
                "sources": ["patel-2019", "healthlink"],
            },
        ],
    },
    {
        "slug": "safety",
        "name": "Safety and who should not have IMS",
        "intro": "Side effects, who should not have IMS, and how we keep treatment safe.",
        "order": 5,
        "faqs": [
            {
                "question": "Is IMS safe?",
                "answer": (
                    "<p>Serious problems are rare, about 1 in 1,000 treatments or fewer in "
                    "large studies. Mild side effects are common: about 1 in 5 treatments. Your "
                    "physiotherapist checks your health first to keep the risks low.</p>"
                ),
                "order": 1,
                "related_article": "who-should-not-have-ims",
                "sources": ["brady-2014", "boyce-2020"],
            },
            {
                "question": "What are the side effects?",
                "answer": (
                    "<p>The most common are bleeding at the needle spot, a bruise, and pain "
                    "during or after treatment. Some people feel tired, drowsy or faint, or "
                    "have a short flare-up of their pain. Rare serious ones include a collapsed "
                    "lung, nerve injury, infection and heavy bleeding.</p>"
                ),
                "order": 2,
                "related_article": "who-should-not-have-ims",
                "sources": ["brady-2014", "boyce-2020", "patel-2019"],
            },
            {
                "question": "Who should not have IMS?",
                "answer": (
                    "<p>We do not give IMS during pregnancy, to children, or to people with a "
                    "bleeding disorder. We do not needle an infected area or a limb with "
                    "lymphoedema. If you take a blood thinner, tell your physiotherapist "
                    "first.</p>"
                ),
                "order": 3,
                "related_article": "who-should-not-have-ims",
                "sources": ["nhs-acupuncture", "patel-2019"],
            },
            {
                "question": "Can I get an infection from the needles?",
                "answer": (
                    "<p>We use only sterile needles that are used once, then thrown away. "
                    "This keeps the risk very low, but not zero. " + INFECTION_RULE + "</p>"
                ),
                "order": 4,
                "related_article": "who-should-not-have-ims",
                "sources": ["patel-2019", "healthlink"],
            },
            {
                "question": "I take a blood thinner. Can I have IMS?",
                "answer": (
                    "<p>Tell your physiotherapist before treatment. Blood thinners, such as "
                    "anticoagulants and daily aspirin, make bruising and bleeding more likely. "
                    "Your physiotherapist will decide with you if IMS is safe for you. Do not "
                    "stop any medicine without asking your doctor.</p>"
                ),
                "order": 5,
                "related_article": "who-should-not-have-ims",
                "sources": ["nhs-acupuncture", "boyce-2020"],
            },
        ],
    },
    {
        "slug": "how-often",
        "name": "How often and how many sessions",
        "intro": "How often people have IMS, how many visits, and when to review the plan.",
        "order": 6,
        "faqs": [
            {
                "question": "How often will I have IMS?",
                "answer": (
                    "<p>IMS is often given about once a week. Your physiotherapist will agree a "
                    "plan with you.</p>"
                ),
                "order": 1,
                "related_article": "what-to-expect",
                "sources": ["gunn-1980", "gattie-2020"],
            },
            {
                "question": "How many sessions will I need?",
                "answer": (
                    "<p>It is different for each person. Many courses of dry needling are 3 to "
                    "6 sessions. It may depend on your condition, how long you have had it and "
                    "how your body responds.</p>"
                ),
                "order": 2,
                "related_article": "what-to-expect",
                "sources": ["gattie-2020", "gunn-1980"],
            },
            {
                "question": "What if IMS is not helping?",
                "answer": (
                    "<p>Our clinic's rule is to review your plan if you feel no better after 3 "
                    "or 4 sessions. Your physiotherapist may change the plan, stop IMS, or "
                    "suggest other care or a visit to your doctor.</p>"
                ),
                "order": 3,
                "related_article": "what-to-expect",
                "sources": ["gattie-2020", "umbrella-2023"],
            },
            {
                "question": "Will I feel better after one session?",
                "answer": (
                    "<p>Some people feel less pain or move more easily soon after a session. "
                    "Others need a few sessions, and some are not helped. Studies mostly show "
                    "short-term help.</p>"
                ),
                "order": 4,
                "related_article": "what-to-expect",
                "sources": ["navarro-2020", "espejo-2017"],
            },
        ],
    },
]

BENEFITS = [
    {
        "title": "Pain relief",
        "explanation": (
            "Dry needling may ease muscle pain for a while. It is used for pain from tight "
            "muscles, trigger points or myofascial pain. Myofascial means the muscles and the "
            "thin layer of tissue around them. Studies mostly show short-term relief."
        ),
        "order": 1,
    },
    {
        "title": "Muscle relaxation",
        "explanation": (
            "A needle in a tight muscle can cause a quick twitch. After that, the muscle "
            "may relax and feel less tense."
        ),
        "order": 2,
    },
    {
        "title": "Better range of motion",
        "explanation": (
            "Range of motion is how far you can move a joint. In some studies, people could "
            "move a little farther for a short time after dry needling."
        ),
        "order": 3,
    },
    {
        "title": "Fewer muscle spasms",
        "explanation": (
            "A spasm is when a muscle tightens on its own. Some people find needling eases "
            "spasms for a while, though there is little research on this."
        ),
        "order": 4,
    },
    {
        "title": "Better blood flow",
        "explanation": (
            "Researchers think needling may change blood flow in the muscle. This is one "
            "idea of how it might work. It has not been proven."
        ),
        "order": 5,
    },
    {
        "title": "Natural pain relief",
        "explanation": (
            "Some researchers think needling may cause your body to release its own "
            "pain-relieving chemicals, such as endorphins. This is an idea, not a proven "
            "fact."
        ),
        "order": 6,
    },
    {
        "title": "Works alongside your exercises",
        "explanation": (
            "Dry needling is often used together with other rehab care, such as exercises "
            "and stretches. It is one part of a full plan."
        ),
        "order": 7,
    },
    {
        "title": "Easier everyday movement",
        "explanation": (
            "If pain eases, everyday tasks may get easier for a while. These include "
            "reaching, bending and walking."
        ),
        "order": 8,
    },
    {
        "title": "Relief that can come soon",
        "explanation": (
            "Some people feel less pain soon after a session. Others need a few sessions, "
            "and some are not helped."
        ),
        "order": 9,
    },
    {
        "title": "Targeted treatment",
        "explanation": (
            "The needle goes into the tight, tender spots your physiotherapist finds in your "
            "exam. Your treatment is matched to your body."
        ),
        "order": 10,
    },
    {
        "title": "Help with long-term conditions",
        "explanation": (
            "Dry needling may help some people manage long-term conditions. Examples are "
            "myofascial pain syndrome and some kinds of headaches."
        ),
        "order": 11,
    },
    {
        "title": "Minimally invasive",
        "explanation": (
            "Minimally invasive means it does not involve surgery or cuts. The needles are "
            "very thin, and nothing is injected. Mild side effects such as a bruise are "
            "common; serious ones are rare."
        ),
        "order": 12,
    },
]

CONDITIONS = [
    {
        "name": "Chronic muscle pain",
        "explanation": (
            "Chronic pain is pain that lasts a long time. When it comes from tight, tender "
            "muscles, dry needling may ease it for a while. Studies mostly show short-term "
            "help."
        ),
        "order": 1,
    },
    {
        "name": "Muscle pain Dr. Gunn linked to an irritated nerve root",
        "explanation": (
            "Dr. Gunn believed some muscle pain comes from a nerve near the spine that works "
            "poorly but looks normal. This is his theory. It is not the neuropathic pain "
            "doctors diagnose, such as nerve pain from diabetes or after shingles. IMS is "
            "not an established treatment for those; please see your doctor."
        ),
        "order": 2,
    },
    {
        "name": "Back and neck pain with tight muscles",
        "explanation": (
            "Needling may help tight muscles along the spine relax for a while. For neck "
            "pain, reviews found short-term relief."
        ),
        "order": 3,
    },
    {
        "name": "Muscle strains",
        "explanation": (
            "A strain is a stretched or torn muscle. Needling may help nearby tight muscles "
            "relax as part of your rehab plan."
        ),
        "order": 4,
    },
    {
        "name": "Sports injuries",
        "explanation": (
            "Injuries from sport often leave muscles tight and sore. IMS may help some people "
            "move more freely while they do their rehab exercises."
        ),
        "order": 5,
    },
    {
        "name": "Injuries that keep coming back",
        "explanation": (
            "Tight, tender muscles can be part of an injury that keeps coming back. IMS may "
            "help some people as one part of a plan built around exercise."
        ),
        "order": 6,
    },
    {
        "name": "Tension headaches",
        "explanation": (
            "Tight muscles in the neck and shoulders can send pain into the head. For some "
            "people, treating these muscles may make headaches less frequent or less strong."
        ),
        "order": 7,
    },
    {
        "name": "Myofascial pain syndrome",
        "explanation": (
            "This is long-lasting pain from trigger points, which are tight knots in muscle. "
            "Needling the trigger points may help the muscle relax and hurt less for a while."
        ),
        "order": 8,
    },
    {
        "name": "Tendonitis",
        "explanation": (
            "Tendonitis means a sore, irritated tendon, the cord that joins muscle to bone. "
            "The evidence for needling here is limited. If used, it may be one part of a "
            "plan that includes exercise."
        ),
        "order": 9,
    },
    {
        "name": "Carpal tunnel syndrome",
        "explanation": (
            "This is pressure on a nerve at the wrist, called the median nerve. It causes "
            "numbness, tingling or pain in the hand. Wrist splints come first, then "
            "injections or surgery. The evidence for needling is very limited. Constant "
            "numbness or a weak grip needs a doctor."
        ),
        "order": 10,
    },
    {
        "name": "Pain linked to osteoarthritis",
        "explanation": (
            "Osteoarthritis is wear and tear in a joint. IMS does not change the joint. It "
            "may ease pain from tight muscles around it for some people, but the evidence is "
            "limited."
        ),
        "order": 11,
    },
]

PRECAUTIONS = [
    {
        "name": "Pregnancy",
        "kind": "avoid",
        "explanation": (
            "Our clinic's policy is not to give IMS during pregnancy. This is our choice to "
            "be careful. If you could be pregnant, tell your physiotherapist before "
            "treatment."
        ),
        "self_check_question": "Are you pregnant, or could you be?",
        "order": 1,
    },
    {
        "name": "Bleeding disorders such as hemophilia",
        "kind": "avoid",
        "explanation": (
            "Hemophilia is a condition where the blood does not clot well. We do not give "
            "IMS if you have it or any other bleeding disorder."
        ),
        "self_check_question": "Do you have hemophilia or another bleeding disorder?",
        "order": 2,
    },
    {
        "name": "Infection in the area to be treated",
        "kind": "avoid",
        "explanation": (
            "A needle should not go into skin or muscle that is infected. We wait until an "
            "infection, rash or broken skin in the area has healed."
        ),
        "self_check_question": (
            "Do you have an infection, a rash or broken skin where you would be treated?"
        ),
        "order": 3,
    },
    {
        "name": "Lymphoedema or lymph nodes removed",
        "kind": "avoid",
        "explanation": (
            "Lymphoedema is long-lasting swelling when lymph fluid does not drain well. We do "
            "not needle an arm or leg with lymphoedema, or on the side where lymph nodes "
            "were removed, because of the risk of infection."
        ),
        "self_check_question": (
            "Do you have lymphoedema, or have you had lymph nodes removed (for example for "
            "breast cancer)?"
        ),
        "order": 4,
    },
    {
        "name": "Not able to give consent",
        "kind": "avoid",
        "explanation": (
            "You must be able to understand the treatment and its risks and agree to it "
            "yourself. If you can't, we do not give IMS."
        ),
        "self_check_question": (
            "Is there any reason you may not be able to understand the treatment or agree to "
            "it yourself?"
        ),
        "order": 5,
    },
    {
        "name": "Children and teenagers",
        "kind": "avoid",
        "explanation": (
            "Our clinic's policy is to give IMS only to adults aged 18 or over. Younger "
            "people can have other physiotherapy."
        ),
        "self_check_question": "Are you under 18?",
        "order": 6,
    },
    {
        "name": "Blood thinners and some supplements",
        "kind": "tell",
        "explanation": (
            "Anticoagulants and antiplatelet medicines, such as daily aspirin, make bruising "
            "and bleeding more likely. Some supplements may affect bleeding too. Tell your "
            "physiotherapist before treatment. Do not stop any medicine without asking your "
            "doctor."
        ),
        "self_check_question": (
            "Do you take a blood thinner, daily aspirin, or a medicine or supplement that "
            "affects bleeding?"
        ),
        "order": 7,
    },
    {
        "name": "A weak immune system",
        "kind": "tell",
        "explanation": (
            "Cancer treatment, steroid tablets, diabetes and some other illnesses make it "
            "harder to fight germs. Your physiotherapist may take extra care or suggest other "
            "treatment."
        ),
        "self_check_question": (
            "Is your immune system weak, for example from cancer treatment, steroid tablets "
            "or diabetes?"
        ),
        "order": 8,
    },
    {
        "name": "Metal allergy",
        "kind": "tell",
        "explanation": (
            "The needles are made of steel, which can contain nickel. Tell your "
            "physiotherapist about any metal allergy before treatment."
        ),
        "self_check_question": "Are you allergic to any metal, such as nickel?",
        "order": 9,
    },
    {
        "name": "Implants and recent surgery",
        "kind": "tell",
        "explanation": (
            "Needles are kept away from a pacemaker, breast implants, a joint replacement "
            "and a recent surgery scar. Tell your physiotherapist about any implant or "
            "operation."
        ),
        "self_check_question": (
            "Do you have a pacemaker, breast implants, a joint replacement or another implant, "
            "or have you had surgery recently?"
        ),
        "order": 10,
    },
    {
        "name": "Epilepsy or seizures",
        "kind": "tell",
        "explanation": (
            "Tell your physiotherapist if you have epilepsy or seizures. They will plan how "
            "to keep you safe, for example by treating you lying down."
        ),
        "self_check_question": "Do you have epilepsy or seizures?",
        "order": 11,
    },
    {
        "name": "Fear of needles or fainting",
        "kind": "tell",
        "explanation": (
            "Some people feel faint with needles. Tell your physiotherapist, so you can be "
            "treated lying down and take it slowly. You can stop at any time."
        ),
        "self_check_question": (
            "Are you very afraid of needles, or have you fainted at a needle before?"
        ),
        "order": 12,
    },
]

RED_FLAGS = [
    {
        "question": "Do you have chest pain, or are you short of breath, right now?",
        "route": "911",
        "explanation": "Chest pain or trouble breathing can be a heart or lung emergency.",
        "order": 1,
    },
    {
        "question": (
            "Have you had new trouble controlling your bladder or bowels, or numbness "
            "between your legs?"
        ),
        "route": "911",
        "explanation": "With back pain, this can mean pressure on the nerves of the spine.",
        "order": 2,
    },
    {
        "question": "Do you have a fever along with your pain?",
        "route": "same_day",
        "explanation": "Fever with pain can mean an infection that needs a doctor.",
        "order": 3,
    },
    {
        "question": "Have you lost weight without trying?",
        "route": "same_day",
        "explanation": "Weight loss you can't explain needs a doctor's check.",
        "order": 4,
    },
    {
        "question": "Have you ever had cancer?",
        "route": "same_day",
        "explanation": "New pain after cancer should be checked by a doctor first.",
        "order": 5,
    },
    {
        "question": "Is your pain severe at night, so it wakes you or does not ease with rest?",
        "route": "same_day",
        "explanation": "Severe pain at night needs a doctor's check before any IMS.",
        "order": 6,
    },
    {
        "question": "Do you have new weakness or numbness in an arm or leg?",
        "route": "same_day",
        "explanation": "New weakness or numbness can mean a nerve problem a doctor should see.",
        "order": 7,
    },
]

SIDE_EFFECTS = [
    {
        "name": "Bleeding at the needle spot",
        "frequency": "common",
        "rate": "about 1 in 20 treatments in one study, and 1 in 6 in another",
        "explanation": (
            "A small drop of blood where the needle went in. Press on the spot with a clean "
            "tissue for a minute or two. Bleeding is more likely if you take a blood thinner."
        ),
        "order": 1,
    },
    {
        "name": "A bruise",
        "frequency": "common",
        "rate": "about 1 in 13 treatments",
        "explanation": (
            "A small bruise can form where the needle went in. It fades over a few days, "
            "like any bruise. Tell us if you bruise easily."
        ),
        "order": 2,
    },
    {
        "name": "Pain during treatment",
        "frequency": "common",
        "rate": "about 1 in 33 to 1 in 17 treatments were reported as painful",
        "explanation": (
            "A deep cramp when the needle is in a tight muscle is common and expected. Tell "
            "your physiotherapist at once about sharp, burning or electric pain. You can stop "
            "at any time."
        ),
        "order": 3,
    },
    {
        "name": "Soreness after treatment",
        "frequency": "common",
        "rate": "very common: in some trials, more than half of people",
        "explanation": (
            "A deep ache for 24 to 48 hours, like after a hard workout. It usually settles on "
            "its own. A cool pack and gentle movement help."
        ),
        "order": 4,
    },
    {
        "name": "A short flare-up of your usual pain",
        "frequency": "uncommon",
        "rate": "about 1 in 110 treatments",
        "explanation": (
            "Your usual pain may feel worse for a day or two. Call us if it lasts longer "
            "than 48 hours or keeps getting worse."
        ),
        "order": 5,
    },
    {
        "name": "Feeling tired or drowsy",
        "frequency": "uncommon",
        "rate": "about 1 in 400 treatments",
        "explanation": (
            "You may feel drowsy or tired for a few hours. Do not drive, cycle or use "
            "machines until it has passed."
        ),
        "order": 6,
    },
    {
        "name": "Feeling faint, dizzy or sick, or a headache",
        "frequency": "uncommon",
        "rate": "headache or feeling sick: about 1 in 700 treatments each",
        "explanation": (
            "Some people feel faint or dizzy, most often if they are anxious, hungry or have "
            "fainted at needles before. Tell your physiotherapist at once: lying down helps. "
            "Do not drive until you feel well."
        ),
        "order": 7,
    },
    {
        "name": "Collapsed lung (pneumothorax)",
        "frequency": "rare",
        "rate": "rare: all serious side effects together, about 1 in 1,000 treatments or fewer",
        "explanation": (
            "A needle near the chest, ribs, shoulders or upper back can puncture a lung. Signs "
            "may start hours or up to two days later: pain when you breathe in, feeling short "
            "of breath, or a dry cough. Call 911 or go to the nearest emergency department, "
            "and tell them you had needling."
        ),
        "order": 8,
    },
    {
        "name": "Infection",
        "frequency": "rare",
        "rate": "rare",
        "explanation": INFECTION_RULE,
        "order": 9,
    },
    {
        "name": "Nerve injury or heavy bleeding",
        "frequency": "rare",
        "rate": "rare",
        "explanation": (
            "Call the clinic and see a doctor today about new numbness, tingling or weakness "
            "after treatment. For bleeding that does not stop after 10 minutes of firm "
            "pressure, get urgent care."
        ),
        "order": 10,
    },
]

AFTERCARE_TIPS = [
    {
        "kind": "normal",
        "title": "A deep ache for 24 to 48 hours",
        "text": (
            "The treated muscles often ache for 24 to 48 hours. It can feel like your "
            "muscles after a hard workout. This is common and expected. It usually settles "
            "on its own."
        ),
        "order": 1,
    },
    {
        "kind": "normal",
        "title": "A small bruise or a drop of blood",
        "text": (
            "A small bruise or a drop of blood at a needle spot is common. Press gently with "
            "a clean tissue. The bruise fades over a few days."
        ),
        "order": 2,
    },
    {
        "kind": "normal",
        "title": "Feeling tired or drowsy",
        "text": (
            "Some people feel drowsy, tired or a little faint for a few hours. Do not drive, "
            "cycle or use machines until it has passed."
        ),
        "order": 3,
    },
    {
        "kind": "self_care",
        "title": "Use a cool pack",
        "text": (
            "Put a cool pack on sore areas to ease the ache. Wrap it in a thin towel so it "
            "does not touch your bare skin."
        ),
        "order": 4,
    },
    {
        "kind": "self_care",
        "title": "Keep moving gently",
        "text": (
            "Gentle movement helps. Do the exercises and stretches your physiotherapist "
            "gave you, the way they showed you."
        ),
        "order": 5,
    },
    {
        "kind": "self_care",
        "title": "Review your plan if it is not helping",
        "text": (
            "IMS is often given about once a week. If you feel no better after 3 or 4 "
            "sessions, ask your physiotherapist to check you again and review the plan."
        ),
        "order": 6,
    },
    {
        "kind": "call_clinic",
        "title": "Soreness that lasts or gets worse",
        "text": (
            "Call the clinic if the ache lasts longer than 48 hours, or if it keeps getting "
            "worse instead of better."
        ),
        "order": 7,
    },
    {
        "kind": "call_clinic",
        "title": "Signs of infection at a needle spot",
        "text": INFECTION_RULE,
        "order": 8,
    },
    {
        "kind": "call_clinic",
        "title": "New numbness, tingling or weakness",
        "text": "Call the clinic and see a doctor today if you notice new numbness, tingling or weakness.",
        "order": 9,
    },
    {
        "kind": "urgent",
        "title": "Chest pain or trouble breathing, even a day or two later",
        "text": (
            "This is rare. Signs can start hours or up to two days later: chest pain, pain "
            "when you breathe in, shortness of breath or a dry cough. Call 911 or go to the "
            "nearest emergency department right away. Tell them you had needling. Do not "
            "wait to call the clinic first."
        ),
        "order": 10,
    },
    {
        "kind": "urgent",
        "title": "Bleeding that will not stop",
        "text": (
            "Press hard on a needle spot that bleeds. If it still bleeds heavily after 10 "
            "minutes, call 911 or go to the nearest emergency department."
        ),
        "order": 11,
    },
]

COVERAGE_TOPICS = [
    {
        "title": "Our fees and how IMS is billed",
        "text": (
            "<p>IMS is part of a physiotherapy visit. It is billed as physiotherapy, not as "
            "a separate product.</p>"
            "<ul>"
            "<li>First assessment (about 45 minutes): $120</li>"
            "<li>Treatment visit with IMS (about 30 minutes): $95</li>"
            "</ul>"
            "<p>We tell you the fee before you book. You can ask us any time what a visit "
            "will cost you.</p>"
        ),
        "order": 1,
    },
    {
        "title": "Extended health plans and direct billing",
        "text": (
            "<p>Many work and private health plans pay part of the cost of physiotherapy. "
            "Each plan sets its own yearly limit. Check your plan before your visit.</p>"
            "<p>We can bill many plans directly, so you pay only the part your plan does "
            "not cover. Bring your plan card to your first visit.</p>"
        ),
        "order": 2,
    },
    {
        "title": "MSP supplementary benefits",
        "text": (
            "<p>If you have MSP premium assistance, or are in some other groups, MSP pays "
            "$23 a visit toward physiotherapy. The limit is 10 visits a calendar year in "
            "total, shared with acupuncture, chiropractic, massage therapy, naturopathy and "
            "non-surgical podiatry.</p>"
            "<p>Our fee is higher than $23. Before treatment we will tell you how much MSP "
            "pays and how much you pay on top.</p>"
        ),
        "order": 3,
    },
    {
        "title": "After a car crash: ICBC",
        "text": (
            "<p>If you were hurt in a crash in BC, report it to ICBC and get a claim number. "
            "You can then start physiotherapy without a doctor's referral. ICBC pre-approves "
            "up to 25 physiotherapy visits in the first 12 weeks after the crash.</p>"
            "<p>Bring your claim number to your first visit. ICBC pays a set fee per visit. "
            "If our fee is higher, we tell you first, and you pay the difference.</p>"
        ),
        "order": 4,
    },
    {
        "title": "Hurt at work: WorkSafeBC",
        "text": (
            "<p>Tell us if your injury happened at work, and report it to WorkSafeBC. Once "
            "WorkSafeBC accepts your claim, we bill them directly and you should not have to "
            "pay. A physiotherapist with a WorkSafeBC contract can assess you before your "
            "claim is accepted. If the claim is not accepted, you may be asked to pay.</p>"
        ),
        "order": 5,
    },
    {
        "title": "Receipts",
        "text": (
            "<p>We give you a receipt for every visit. It shows the date, the fee and your "
            "physiotherapist's name and college registration number. Keep it for your health "
            "plan.</p>"
        ),
        "order": 6,
    },
]

SITE_PAGES = [
    {
        "key": "home",
        "title": "IMS and dry needling, explained",
        "meta_description": (
            "Plain-language answers about IMS and dry needling: what it is, what the research "
            "shows, side effects, and what to expect at your physiotherapy visit."
        ),
        "intro": (
            "<p>IMS (intramuscular stimulation) is a type of dry needling done by a trained "
            "physiotherapist. A very thin needle goes into tight muscles. It may ease some "
            "kinds of muscle pain for a while. Results vary from person to person.</p>"
        ),
        "body": (
            "<p>A registered physiotherapist certified in IMS checks every article. This site "
            "is for general learning. It does not replace advice from your own health care "
            "provider.</p>"
        ),
        "sources": [],
    },
    {
        "key": "articles",
        "title": "Articles about IMS",
        "meta_description": (
            "Short, clear articles about IMS: how it might work, Dr. Gunn's theory, trigger "
            "points, how it differs from acupuncture, and who should not have it."
        ),
        "intro": (
            "<p>Clear, short articles about IMS and dry needling. Each one is checked by a "
            "registered physiotherapist and lists its sources. New here? Start with the first "
            "one.</p>"
        ),
        "body": "",
        "sources": [],
    },
    {
        "key": "faq",
        "title": "Questions and answers about IMS",
        "meta_description": (
            "Answers to common questions about IMS: side effects, your right to stop, what to "
            "tell us first, soreness after treatment and how many visits you may need."
        ),
        "intro": (
            "<p>Short answers to the questions people ask us most. Each answer lists its "
            "sources. Don't see your question? Call or e-mail us.</p>"
        ),
        "body": "",
        "sources": [],
    },
    {
        "key": "benefits",
        "title": "How IMS and dry needling may help",
        "meta_description": (
            "How IMS and dry needling may help: easing pain for a while, relaxing tight "
            "muscles and moving more easily. Results vary from person to person."
        ),
        "intro": (
            "<p>Dry needling may help in several ways. Some are shown in studies, mostly for "
            "a short time. Others are ideas researchers are still testing. How much it helps "
            "is different for each person.</p>"
        ),
        "body": (
            "<p>IMS works best as one part of a plan that includes exercise and other care "
            'from your physiotherapist. Read <a href="/evidence/">what the research shows</a> '
            "to see how strong the evidence is.</p>"
        ),
        "sources": ["espejo-2017", "navarro-2020", "umbrella-2023"],
    },
    {
        "key": "conditions",
        "title": "Conditions IMS may help",
        "meta_description": (
            "Conditions IMS is used for, from back and neck pain and tension headaches to "
            "sports injuries, with how strong the evidence is and when to see a doctor."
        ),
        "intro": (
            "<p>IMS is used for some kinds of muscle pain. These are some of the problems it "
            "may help with. For many, the evidence is limited.</p>"
        ),
        "body": (
            "<p>Your physiotherapist will examine you first. They will tell you if IMS is a "
            "good fit for your pain, and send you to a doctor if you need one first.</p>"
        ),
        "sources": ["navarro-2020", "espejo-2017", "nhs-carpal-tunnel", "iasp-terms"],
    },
    {
        "key": "safety",
        "title": "Is IMS safe for me?",
        "meta_description": (
            "Side effects of IMS and how often they happen, who should not have it, what to "
            "tell your physiotherapist first, and when to get urgent help."
        ),
        "intro": (
            "<p>Mild side effects such as a bruise are common. Serious ones are rare. IMS is "
            "not right for everyone. Read this page before your visit.</p>"
        ),
        "body": (
            "<h2>Your consent and your right to stop</h2>"
            "<p>Before the first needle, your physiotherapist will explain what they plan to "
            "do, the side effects and risks, and other choices you have. They will ask for "
            "your consent. You can say no, and you can stop at any time.</p>"
            "<h2>About your medicines</h2>"
            "<p>Tell your physiotherapist about every medicine and supplement you take, "
            "especially blood thinners. Bring a list to your first visit. Do not stop taking "
            "any medicine without asking your doctor first.</p>"
            "<h2>Driving</h2>"
            "<p>Do not drive while you feel drowsy, dizzy or faint after treatment. Wait "
            "until it has passed.</p>"
            "<h2>If it is not helping</h2>"
            "<p>Our clinic's rule is to review your plan if you feel no better after 3 or 4 "
            "sessions.</p>"
        ),
        "sources": [
            "brady-2014",
            "boyce-2020",
            "nhs-acupuncture",
            "patel-2019",
            "cureus-2021",
            "physio-alberta-consent",
            "navarro-2020",
        ],
    },
    {
        "key": "aftercare",
        "title": "After your IMS treatment",
        "meta_description": (
            "What is normal after IMS, how to ease the ache with cool packs and gentle "
            "movement, driving, signs of infection, and when to get urgent help."
        ),
        "intro": (
            "<p>Many people feel a deep ache for a day or two after IMS. Here is what is "
            "normal, what helps and when to get help.</p>"
        ),
        "body": (
            "<p>In an emergency, call 911 or go to the nearest emergency department. For "
            "health advice from a nurse, day or night, call HealthLink BC at 8-1-1 (7-1-1 "
            "for deaf and hard-of-hearing callers).</p>"
        ),
        "sources": ["navarro-2020", "brady-2014", "patel-2019", "healthlink"],
    },
    {
        "key": "contact",
        "title": "Contact us and book a visit",
        "meta_description": (
            "Contact Alder Creek Physiotherapy in New Westminster, BC. Find our address, "
            "phone number and hours, or book an IMS assessment online."
        ),
        "intro": (
            "<p>Have a question about IMS? Call or e-mail us. You can also book an "
            "assessment online.</p>"
        ),
        "body": "",
        "sources": [],
    },
    {
        "key": "evidence",
        "title": "What the research shows",
        "meta_description": (
            "What studies of dry needling and IMS show, how strong that evidence is, what is "
            "still unknown, and what the safety studies found, in plain words."
        ),
        "intro": (
            "<p>Here is what the studies show about dry needling and IMS, how strong the "
            "evidence is, and what nobody knows yet.</p>"
        ),
        "body": (
            "<h2>What the studies show</h2>"
            "<p>Reviews that pool many trials found that dry needling can ease muscle pain "
            "more than fake needling or no treatment. The effect was seen right after "
            "treatment and for up to a few months. In people with neck pain, it helped "
            "about as much as other physiotherapy, not more. Some studies also found people "
            "could move a little better for a short time.</p>"
            "<h2>How strong is the evidence?</h2>"
            "<p>The evidence is of low to moderate quality. Many trials were small. They "
            "used different methods, so they are hard to compare. A large review of reviews "
            "said strong proof is still lacking.</p>"
            "<h2>Studies of IMS itself</h2>"
            "<p>There are few trials of IMS itself. The best known is from 1980. It tested "
            "Dr. Gunn's needling in 56 injured workers with long-lasting low back pain. Those "
            "who had needling added to their care did better, and more of them went back to "
            "work. It was one small study, done many years ago.</p>"
            "<h2>How it works</h2>"
            "<p>Researchers don't yet know how IMS or dry needling works. Dr. Gunn's idea of "
            "nerves that work poorly but look normal is a theory. Other proposed ways, such "
            "as changes in blood flow or the body's own pain-relieving chemicals, are also "
            "not proven.</p>"
            "<h2>What is still unknown</h2>"
            "<ul>"
            "<li>how long any benefit lasts</li>"
            "<li>who is most likely to be helped</li>"
            "<li>how many sessions are best</li>"
            "<li>whether IMS works better than other kinds of dry needling</li>"
            "</ul>"
            "<h2>What the safety studies found</h2>"
            "<p>In two large studies, about 1 in 5 treatments led to a mild side effect, "
            "such as a bruise or bleeding. Serious side effects were rare: about 1 in 1,000 "
            "treatments or fewer.</p>"
        ),
        "sources": [
            "espejo-2017",
            "navarro-2020",
            "umbrella-2023",
            "gunn-1980",
            "istop",
            "brady-2014",
            "boyce-2020",
        ],
    },
    {
        "key": "coverage",
        "title": "Costs and coverage in BC",
        "meta_description": (
            "What IMS costs at our clinic and who may pay for it in BC: health plans and "
            "direct billing, MSP supplementary benefits, ICBC, WorkSafeBC and receipts."
        ),
        "intro": (
            "<p>Here is what a visit costs and who may help pay for it. Amounts and limits "
            "change, so we check this page often.</p>"
        ),
        "body": "",
        "sources": ["msp-supplementary", "pabc-icbc", "ubc-icbc", "worksafebc", "pabc-other"],
    },
    {
        "key": "practitioners",
        "title": "Who treats you",
        "meta_description": (
            "Meet the registered physiotherapists who give IMS at our clinic, their training "
            "and languages, and how to check a registration on the college's public register."
        ),
        "intro": (
            "<p>Only registered physiotherapists trained in IMS give IMS at our clinic. Here "
            "is who they are.</p>"
        ),
        "body": (
            "<h2>How to check a registration</h2>"
            "<p>In BC, physiotherapists are registered with the College of Health and Care "
            "Professionals of BC. A physiotherapist who uses needles must also be on the "
            "college's roster for acupuncture and dry needling. You can check both yourself:</p>"
            "<ol>"
            "<li>Go to the college's website, chcpbc.org.</li>"
            "<li>Open its public register and search for the physiotherapist's name.</li>"
            "<li>Check that they are registered as a physical therapist, and that their "
            "record shows they may use acupuncture or dry needling.</li>"
            "</ol>"
        ),
        "sources": ["college-roster", "chcpbc"],
    },
]

GLOSSARY_TERMS = [
    {
        "term": "IMS",
        "slug": "ims",
        "definition": (
            "Short for intramuscular stimulation. A type of dry needling developed by "
            "Dr. Chan Gunn. A physiotherapist puts a very thin needle into tight muscles, "
            "often near the spine."
        ),
        "order": 0,
    },
    {
        "term": "Dry needling",
        "slug": "dry-needling",
        "definition": (
            "Putting a thin, solid needle into a muscle to ease pain and tightness. It is "
            "called dry because nothing is injected. IMS is one kind of dry needling."
        ),
        "order": 0,
    },
    {
        "term": "Trigger point",
        "slug": "trigger-point",
        "definition": (
            "A small, tight, tender knot in a muscle. Pressing on it can hurt, and it can "
            "send pain to other places."
        ),
        "order": 0,
    },
    {
        "term": "Referred pain",
        "slug": "referred-pain",
        "definition": (
            "Pain you feel in a different place from where the problem is. For example, a "
            "tight muscle in the shoulder can cause a headache."
        ),
        "order": 0,
    },
    {
        "term": "Neuropathy",
        "slug": "neuropathy",
        "definition": (
            "Doctors use this word for damage or disease of a nerve, such as nerve damage from "
            "diabetes. Pain from it is called neuropathic pain. Dr. Gunn used the word in his "
            "own way, for a nerve that works poorly but looks normal."
        ),
        "order": 0,
    },
    {
        "term": "Myofascial",
        "slug": "myofascial",
        "definition": (
            "About muscles and the thin layer of tissue (fascia) that wraps them. "
            "Myofascial pain is pain that comes from muscles and this tissue."
        ),
        "order": 0,
    },
    {
        "term": "Contraindication",
        "slug": "contraindication",
        "definition": (
            "A health reason not to have a treatment, or to wait. For example, IMS is not "
            "done on skin that has an infection."
        ),
        "order": 0,
    },
    {
        "term": "Pneumothorax",
        "slug": "pneumothorax",
        "definition": (
            "A collapsed lung: air leaks into the space around the lung. It is a rare risk of "
            "needling near the chest. It needs emergency care."
        ),
        "order": 0,
    },
]
