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

REVIEWERS = [
    {
        "name": "Maya Thornton",
        "credentials": "Registered Physiotherapist, MPT, Certified in IMS (UBC Gunn IMS program)",
    },
    {
        "name": "Daniel Okafor",
        "credentials": "Registered Physiotherapist, BSc (PT), Certified in IMS (UBC Gunn IMS program)",
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

ARTICLES = [
    {
        "slug": "what-is-ims",
        "title": "What is IMS and how does it work?",
        "summary": (
            "IMS is a type of dry needling for muscle and nerve pain. Learn where it came "
            "from, how the needle helps tight muscles relax, and why a careful exam comes first."
        ),
        "body": (
            "<h2>IMS in a few words</h2>"
            "<p>IMS stands for intramuscular stimulation. <em>Intramuscular</em> means "
            "inside the muscle. IMS is a type of dry needling. A physiotherapist puts a very "
            "thin needle into a tight muscle. It is called dry because nothing is injected. "
            "No drug goes in, and no electricity is used.</p>"
            "<p>IMS treats pain that comes from muscles and nerves. It aims at muscles that "
            "have become short and tight because the nerve that controls them is not working "
            "well.</p>"
            "<h2>Where IMS came from</h2>"
            "<p>Dr. Chan Gunn developed IMS in the 1970s. At the time, he was the clinic "
            "physician at the Workers' Compensation Board of British Columbia. He saw many "
            "hurt workers whose pain did not go away. He found that the pain often came from "
            "nerves that were not working properly. The muscles those nerves control were "
            "tight and sore. Today, physiotherapists take special training to learn his "
            "method.</p>"
            "<h2>How IMS works: three effects</h2>"
            "<p>The effect does not come from a drug. It comes from the needle itself going "
            "into the muscle. The needle has three effects:</p>"
            "<ol>"
            "<li><strong>Reflex relaxation.</strong> Muscles have tiny sensors that notice "
            "stretch. The needle sets off these sensors. The muscle reacts with a reflex. It "
            "relaxes and gets longer.</li>"
            "<li><strong>A healing response.</strong> The needle makes a very small injury. "
            "This brings more blood flow to the area. That starts the body's own healing "
            "process.</li>"
            "<li><strong>Help for the nerve.</strong> The needle creates an electrical "
            "potential in the muscle. This is a tiny electrical signal. It helps the nerve "
            "work normally again.</li>"
            "</ol>"
            "<h2>Why the exam matters so much</h2>"
            "<p>Before any needle, your physiotherapist examines you with care. This step is "
            "key. Pain from a nerve that is not working well often does not show up on tests. "
            "It cannot be seen on X-rays, MRI scans, bone scans or CT scans. The nerve looks "
            "normal. It just does not act normally.</p>"
            "<p>So a physiotherapist trained in IMS looks for physical signs instead. They "
            "check:</p>"
            "<ul>"
            "<li>which muscles are tight, tender or in spasm (tightening on their own)</li>"
            "<li>how far and how easily you can move, called your range of motion</li>"
            "<li>changes in the skin, such as swelling, goose bumps or a change in "
            "temperature</li>"
            "<li>tender spots near the spine, where nerve roots leave the spine</li>"
            "</ul>"
            "<p>The exam helps them decide if IMS is a good fit for you. It also shows which "
            "muscles to treat.</p>"
            "<h2>What IMS can and cannot do</h2>"
            "<p>IMS can ease pain and help tight muscles relax. Many people notice they can "
            "move more easily right after a session. The effects tend to build over several "
            "sessions. But results vary from person to person. IMS works best as one part of "
            "a plan. That plan often includes exercise and other care from your "
            "physiotherapist.</p>"
        ),
        "author_name": "Maya Thornton",
        "reviewer": "Daniel Okafor",
        "is_featured": True,
        "order": 1,
        "allow_comments": True,
        "related": ["ims-and-nerve-pain", "what-to-expect", "ims-and-acupuncture"],
        "resources": [ISTOP, PABC],
        "reviewed_days_ago": 40,
    },
    {
        "slug": "what-to-expect",
        "title": "What to expect during and after an IMS session",
        "summary": (
            "What happens at your first visit, what the needle feels like, why you may be "
            "sore for a day or two, and how often people usually come for IMS."
        ),
        "body": (
            "<h2>First, an assessment</h2>"
            "<p>Your first visit starts with an assessment. Your physiotherapist will ask "
            "about your pain, your health and any medicines you take. Then they will examine "
            "you. They check how you move and feel for tight, tender muscles. They also look "
            "for signs that a nerve is involved. This helps them decide if IMS is right for "
            "you.</p>"
            "<h2>During the treatment</h2>"
            "<p>Your physiotherapist uses a very thin needle that is used only once. The "
            "needle goes into the muscle and comes right back out. Here is what you may "
            "feel:</p>"
            "<ul>"
            "<li><strong>In a normal muscle:</strong> the needle does not hurt.</li>"
            "<li><strong>In a tight, supersensitive muscle:</strong> the muscle grabs the "
            "needle. Supersensitive means it reacts more than it should. It feels like a "
            "deep cramp or ache for a short time.</li>"
            "<li><strong>Then:</strong> the muscle lets go and relaxes.</li>"
            "</ul>"
            "<p>The cramp is not pleasant, but it is a good sign. It means the needle found a "
            "tight muscle that needs treatment. The muscle usually relaxes soon after. You "
            "can ask for a break at any time.</p>"
            "<h2>Right after the session</h2>"
            "<p>Many people notice a change right away. They can often move farther or more "
            "easily. This is called better range of motion. The muscles may also feel "
            "looser.</p>"
            "<h2>The next day or two</h2>"
            "<p>It is common to have a deep ache in the treated areas for 24 to 48 hours. It "
            "can feel like your muscles after a hard workout at the gym. This is normal. It "
            "is a good reaction to treatment.</p>"
            "<p>To help with the soreness:</p>"
            "<ul>"
            "<li>Put a cool pack on the sore area. Wrap it in a thin towel to protect your "
            "skin.</li>"
            "<li>Keep moving gently. Do the exercises your physiotherapist gave you.</li>"
            "</ul>"
            "<p>Call the clinic if the ache lasts longer than 48 hours or keeps getting "
            "worse. Our aftercare page lists the signs that need help right away.</p>"
            "<h2>How often and how many sessions?</h2>"
            "<p>IMS is usually done once a week. This gives your body time to heal between "
            "sessions. The number of sessions is different for each person. It depends "
            "on:</p>"
            "<ul>"
            "<li>your condition</li>"
            "<li>how long you have had it</li>"
            "<li>how much scar tissue is in the area</li>"
            "<li>how fast your body heals</li>"
            "</ul>"
            "<p>The effects of IMS are cumulative. This means they add up from one session "
            "to the next. Your physiotherapist will check how you are doing at each visit. "
            "They will talk with you about your plan.</p>"
        ),
        "author_name": "Daniel Okafor",
        "reviewer": "Maya Thornton",
        "is_featured": True,
        "order": 2,
        "allow_comments": True,
        "related": ["what-is-ims", "who-should-not-have-ims", "trigger-points-and-referred-pain"],
        "resources": [ISTOP],
        "reviewed_days_ago": 40,
    },
    {
        "slug": "who-should-not-have-ims",
        "title": "Who should not have IMS",
        "summary": (
            "IMS is not right for everyone. Find out who should not have it, what to tell "
            "your physiotherapist first, and how we keep the risk of infection very low."
        ),
        "body": (
            "<h2>IMS is not for everyone</h2>"
            "<p>IMS is generally safe when a trained physiotherapist does it. But like any "
            "treatment that uses needles, it has some risks. It is not right for everyone. "
            "Your physiotherapist will ask about your health before they start. Please "
            "answer as fully as you can.</p>"
            "<h2>When IMS is not recommended</h2>"
            "<p>Do not have IMS if any of these apply to you:</p>"
            "<ul>"
            "<li><strong>You are pregnant.</strong> IMS is not recommended during pregnancy. "
            "If you think you might be pregnant, tell your physiotherapist.</li>"
            "<li><strong>You have hemophilia or another bleeding disorder.</strong> "
            "Hemophilia is a condition where the blood does not clot well. Even a thin "
            "needle could cause bleeding that is hard to stop.</li>"
            "<li><strong>You have an infection in the area to be treated.</strong> A needle "
            "should not go into skin or muscle that is infected.</li>"
            "</ul>"
            "<h2>Tell your physiotherapist first</h2>"
            "<p>Some things do not always rule out IMS. But your physiotherapist must know "
            "about them before treatment.</p>"
            "<ul>"
            "<li><strong>Blood thinners.</strong> Anticoagulants are medicines that thin the "
            "blood. They make it clot more slowly. If you take one, tell your "
            "physiotherapist before treatment. They will decide with you if IMS is safe for "
            "you.</li>"
            "<li><strong>All your medicines.</strong> Bring a list of every medicine you "
            "take. Include the ones you buy without a prescription. Do not stop any medicine "
            "without first asking your doctor.</li>"
            "</ul>"
            "<h2>About the risk of infection</h2>"
            "<p>We use only sterile needles that are used once. Sterile means free of germs. "
            "Each needle is used one time and then thrown away safely. This keeps the risk "
            "of infection very low. Still, call us if a needle spot gets red, hot or "
            "swollen.</p>"
            "<h2>Needling near the chest</h2>"
            "<p>Some muscles lie over the ribs and lungs. Your physiotherapist takes extra "
            "care when treating near the chest, ribs or upper back. In rare cases, a needle "
            "in this area can injure a lung. If you have sudden shortness of breath or chest "
            "pain after treatment, call 911 or go to the nearest emergency department.</p>"
            "<h2>Not sure? Ask us.</h2>"
            "<p>If you are not sure whether any of this applies to you, ask us before you "
            "book. The short list of questions on our safety page can help you check. Your "
            "physiotherapist will also go over your health at your first visit.</p>"
        ),
        "author_name": "Maya Thornton",
        "reviewer": "Daniel Okafor",
        "is_featured": True,
        "order": 3,
        "allow_comments": True,
        "related": ["what-to-expect", "what-is-ims"],
        "resources": [ISTOP, PABC],
        "reviewed_days_ago": 25,
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
            "and comes right back out. In acupuncture, the needles stay in place for a few "
            "minutes.</li>"
            "<li><strong>Where the needle goes.</strong> IMS needles go into trigger points "
            "and tight bands of muscle. Trigger points are tight, sore knots in a muscle. "
            "IMS needles may also go near the spine, where a nerve may be irritated. "
            "Acupuncture needles are placed along lines on the body called meridians.</li>"
            "<li><strong>The idea behind it.</strong> IMS is based on how nerves and muscles "
            "work. The goal is to relax tight muscles and take pressure off irritated "
            "nerves. Acupuncture comes from traditional Chinese medicine. Its goal is to "
            'help the body restore the flow of Qi (said "chee"). In that tradition, Qi is '
            "the body's energy.</li>"
            "</ul>"
            "<h2>IMS and other kinds of dry needling</h2>"
            "<p>You may hear other names too. These include dry needling, trigger point dry "
            "needling and intramuscular manual therapy. They are closely related. All of "
            "them put a thin needle into muscle without injecting anything.</p>"
            "<p>IMS is one method of dry needling. Dr. Chan Gunn developed it. It puts a "
            "strong focus on the nerves. It also depends on a careful exam, including the "
            "muscles near the spine.</p>"
            "<h2>Which one is right for me?</h2>"
            "<p>That depends on what is causing your pain. If it comes from tight muscles "
            "and irritated nerves, IMS may be a good fit. Your physiotherapist will examine "
            "you first. They will explain what they find. They will tell you if IMS makes "
            "sense for you. You can always ask questions before you decide.</p>"
            "<h2>Quick summary</h2>"
            "<ol>"
            "<li>Both use the same thin, solid needles.</li>"
            "<li>IMS: the needle goes in and out right away. Acupuncture: needles are left "
            "in for a few minutes.</li>"
            "<li>IMS: needles go into trigger points and tight muscle near irritated nerves. "
            "Acupuncture: needles follow meridians to restore the flow of Qi.</li>"
            "</ol>"
        ),
        "author_name": "Daniel Okafor",
        "reviewer": "Maya Thornton",
        "is_featured": True,
        "order": 4,
        "allow_comments": True,
        "related": ["what-is-ims", "trigger-points-and-referred-pain"],
        "resources": [ISTOP],
        "reviewed_days_ago": 60,
    },
    {
        "slug": "ims-and-nerve-pain",
        "title": "IMS and nerve-related (neuropathic) pain",
        "summary": (
            "How a nerve that is not working properly can cause long-lasting pain and tight "
            "muscles, and why your tests may show nothing wrong."
        ),
        "body": (
            "<h2>What is neuropathic pain?</h2>"
            "<p>Some pain keeps going long after an injury. Often, nothing new is hurting "
            "the area. Pain like this is called neuropathic pain. <em>Neuropathic</em> means "
            "it comes from the nerves.</p>"
            "<p>The problem behind it is called neuropathy. It means a nerve is not working "
            "properly, even though its structure is normal. The nerve is not cut or crushed. "
            "It looks healthy. It just does not send its signals the right way.</p>"
            "<h2>How a struggling nerve affects muscles</h2>"
            "<p>When a nerve does not work well, the muscles it controls often get short and "
            "tight. They can also become supersensitive. This means they react strongly to "
            "things that would not normally bother them, like light pressure or a "
            "stretch.</p>"
            "<p>Tight muscles can then cause more trouble. The muscles along your spine are "
            "a good example. When they get short, they can squeeze the spine. They can press "
            "on:</p>"
            "<ul>"
            "<li>the discs, which are the cushions between the bones of the spine</li>"
            "<li>the small joints of the spine</li>"
            "<li>the nerve roots, where nerves leave the spine</li>"
            "</ul>"
            "<p>This can cause pain and make it hard to move. It can also bother the nerve "
            "even more. So the problem keeps going.</p>"
            "<h2>Common signs of neuropathy</h2>"
            "<p>Your physiotherapist looks for signs like these:</p>"
            "<ul>"
            "<li>pain</li>"
            "<li>muscles that are shortened, tight or in spasm (tightening on their own)</li>"
            "<li>spots that are tender to touch</li>"
            "<li>swelling around the spine</li>"
            "<li>changes in temperature, sweating or feeling around the spine, arms or "
            "legs</li>"
            "</ul>"
            "<h2>Changes that can happen over time</h2>"
            "<p>Nerves do more than control muscles. They also go to the skin, blood vessels "
            "and organs. So over time, other changes can show up in the area a nerve serves. "
            "These can include:</p>"
            "<ul>"
            "<li>swelling</li>"
            "<li>hair loss</li>"
            "<li>cold skin</li>"
            "<li>goose bumps</li>"
            "<li>sweating over the area</li>"
            "<li>brittle nails</li>"
            "<li>psoriasis, which is patches of red, scaly skin</li>"
            "</ul>"
            "<h2>Why your tests may show nothing wrong</h2>"
            "<p>Many people with this kind of pain have had lots of tests. Often the tests "
            'show that there is "nothing wrong." This can be very upsetting. But it makes '
            "sense. The nerve's structure is normal, so scans cannot see the problem. The "
            "trouble is in how the nerve works, not in how it looks.</p>"
            "<p>That is why a hands-on exam matters so much. A physiotherapist trained in "
            "IMS knows the physical signs to look for.</p>"
            "<h2>How IMS may help</h2>"
            "<p>IMS aims at the short, tight muscles linked to the nerve. Needling can help "
            "these supersensitive spots calm down. It can also release the steady pull and "
            "squeeze of tight muscles. For some people, this takes pressure off the nerve "
            "and eases pain. Results vary, and most people need more than one session.</p>"
        ),
        "author_name": "Maya Thornton",
        "reviewer": "Daniel Okafor",
        "is_featured": False,
        "order": 5,
        "allow_comments": True,
        "related": ["what-is-ims", "trigger-points-and-referred-pain"],
        "resources": [ISTOP],
        "reviewed_days_ago": 90,
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
            "back. These knots are called trigger points. A trigger point is a small, tight "
            "spot inside a tight band of muscle. It often hurts when you press on it. The "
            "pain and stiffness can make everyday tasks hard.</p>"
            "<h2>Why do trigger points form?</h2>"
            "<p>Healthy muscles need steady signals from their nerves. A nerve can become "
            "irritated or stop working well. Then the muscle it controls can become "
            "supersensitive. It tightens up, and trigger points can form. Over time, this "
            "can turn into chronic pain. Chronic means it lasts a long time.</p>"
            "<p>Trigger points are also common after an injury. They can come with wear and "
            "tear that builds up slowly over the years, too.</p>"
            "<h2>Referred pain: pain in a different place</h2>"
            "<p>A trigger point often sends pain to another place. This is called referred "
            "pain. You may feel the pain some distance away from the muscle that is causing "
            "it.</p>"
            "<p>Headaches are a good example. Tight muscles in the neck and shoulders can "
            "send pain up into the head. For some people, treating these muscles can make "
            "headaches happen less often or feel less strong.</p>"
            "<p>So your physiotherapist may treat muscles that are not where you feel the "
            "pain. This is normal. They are following the map of where the pain starts.</p>"
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
            "<li>After that, the muscle often feels looser and moves more easily.</li>"
            "</ul>"
            "<p>Some needle spots are near the spine. A nerve root there may be irritated. A "
            "nerve root is where a nerve leaves the spine. Needling there can help ease the "
            "pull of tight muscles on the nerve.</p>"
            "<h2>Part of a bigger plan</h2>"
            "<p>Treating trigger points is usually one part of your care. Your "
            "physiotherapist will likely add stretches and exercises. These help keep the "
            "muscle loose and strong between sessions. How much it helps is different for "
            "each person.</p>"
        ),
        "author_name": "Daniel Okafor",
        "reviewer": "Maya Thornton",
        "is_featured": False,
        "order": 6,
        "allow_comments": True,
        "related": ["ims-and-nerve-pain", "ims-and-acupuncture", "what-to-expect"],
        "resources": [ISTOP],
        "reviewed_days_ago": 120,
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
                    "A physiotherapist puts a very thin needle into tight muscles to help them "
                    "relax. Nothing is injected, and no electricity is used.</p>"
                ),
                "order": 1,
                "related_article": "what-is-ims",
            },
            {
                "question": "Who developed IMS?",
                "answer": (
                    "<p>Dr. Chan Gunn developed IMS in the 1970s. At the time, he was the "
                    "clinic physician at the Workers' Compensation Board of British Columbia. "
                    "He made it to treat pain from muscles and nerves that did not go "
                    "away.</p>"
                ),
                "order": 2,
                "related_article": "what-is-ims",
            },
            {
                "question": "Why didn't my X-ray or MRI show the problem?",
                "answer": (
                    "<p>Pain from a nerve that is not working well often does not show on "
                    "scans. The nerve looks normal on X-rays, MRI, bone scans and CT scans. "
                    "The problem is in how the nerve works, not how it looks. A trained "
                    "physiotherapist finds it with a hands-on exam.</p>"
                ),
                "order": 3,
                "related_article": "ims-and-nerve-pain",
            },
            {
                "question": "What kinds of pain can IMS help with?",
                "answer": (
                    "<p>IMS may help pain that comes from tight muscles and irritated nerves. "
                    "This includes some back and neck pain, tension headaches and sports "
                    "injuries. Our conditions page has a longer list. Results vary from person "
                    "to person.</p>"
                ),
                "order": 4,
                "related_article": "trigger-points-and-referred-pain",
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
                    "IMS is based on how nerves and muscles work. Acupuncture comes from "
                    "traditional Chinese medicine.</p>"
                ),
                "order": 1,
                "related_article": "ims-and-acupuncture",
            },
            {
                "question": "How long do the needles stay in?",
                "answer": (
                    "<p>In IMS, the needle goes in and comes right back out. In acupuncture, "
                    "the needles stay in for a few minutes. This is one of the main "
                    "differences.</p>"
                ),
                "order": 2,
                "related_article": "ims-and-acupuncture",
            },
            {
                "question": "Where do the needles go?",
                "answer": (
                    "<p>IMS needles go into trigger points and tight bands of muscle. They may "
                    "also go near the spine, where a nerve may be irritated. Acupuncture "
                    "needles are placed along lines called meridians. In Chinese medicine, "
                    "these lines carry the body's energy, called Qi.</p>"
                ),
                "order": 3,
                "related_article": "ims-and-acupuncture",
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
                    "check how you move. They look for tight, tender muscles and signs that a "
                    "nerve is involved. This tells them if IMS is right for you and where to "
                    "treat.</p>"
                ),
                "order": 1,
                "related_article": "what-to-expect",
            },
            {
                "question": "What should I tell my physiotherapist?",
                "answer": (
                    "<p>Tell them if you are pregnant or could be. Tell them if you have a "
                    "bleeding disorder or an infection in the area to be treated. Bring a list "
                    "of all your medicines, especially blood thinners.</p>"
                ),
                "order": 2,
                "related_article": "who-should-not-have-ims",
            },
            {
                "question": "Does IMS hurt?",
                "answer": (
                    "<p>A needle in a normal muscle does not hurt. A tight, supersensitive "
                    "muscle will grab the needle. This feels like a deep cramp for a short "
                    "time. It is a good sign, because it means the needle found a tight "
                    "spot.</p>"
                ),
                "order": 3,
                "related_article": "what-to-expect",
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
                    "<p>Yes. Many people have a deep ache for 24 to 48 hours. It feels like "
                    "your muscles after a hard workout. This is normal and a good reaction to "
                    "treatment.</p>"
                ),
                "order": 1,
                "related_article": "what-to-expect",
            },
            {
                "question": "What helps with the soreness?",
                "answer": (
                    "<p>Put a cool pack on the sore area. Wrap it in a thin towel first. Keep "
                    "moving gently, and do the exercises your physiotherapist gave you.</p>"
                ),
                "order": 2,
                "related_article": "what-to-expect",
            },
            {
                "question": "When should I call the clinic?",
                "answer": (
                    "<p>Call us if the ache lasts longer than 48 hours or keeps getting worse. "
                    "Also call if a needle spot gets red, hot or swollen and it spreads. If "
                    "you have sudden shortness of breath or chest pain, call 911 or go to the "
                    "nearest emergency department.</p>"
                ),
                "order": 3,
                "related_article": None,
            },
        ],
    },
    {
        "slug": "safety",
        "name": "Safety and who should not have IMS",
        "intro": "Who should not have IMS, and how we keep treatment as safe as we can.",
        "order": 5,
        "faqs": [
            {
                "question": "Is IMS safe?",
                "answer": (
                    "<p>IMS is generally safe when a trained physiotherapist does it. Like any "
                    "needle treatment, it has some risks. Your physiotherapist checks your "
                    "health first to help keep those risks low.</p>"
                ),
                "order": 1,
                "related_article": "who-should-not-have-ims",
            },
            {
                "question": "Who should not have IMS?",
                "answer": (
                    "<p>IMS is not recommended if you are pregnant. It is also not recommended "
                    "if you have hemophilia or another bleeding disorder. It should not be "
                    "done where you have an infection. If you take a blood thinner, tell your "
                    "physiotherapist first.</p>"
                ),
                "order": 2,
                "related_article": "who-should-not-have-ims",
            },
            {
                "question": "Can I get an infection from the needles?",
                "answer": (
                    "<p>We use only sterile needles that are used once, then thrown away. "
                    "This keeps the risk of infection very low. Call us if a needle spot gets "
                    "red, hot or swollen.</p>"
                ),
                "order": 3,
                "related_article": "who-should-not-have-ims",
            },
            {
                "question": "I take a blood thinner. Can I have IMS?",
                "answer": (
                    "<p>Tell your physiotherapist before treatment. Blood thinners, also "
                    "called anticoagulants, make your blood clot more slowly. Your "
                    "physiotherapist will decide with you if IMS is safe for you. Do not stop "
                    "any medicine without asking your doctor.</p>"
                ),
                "order": 4,
                "related_article": "who-should-not-have-ims",
            },
        ],
    },
    {
        "slug": "how-often",
        "name": "How often and how many sessions",
        "intro": "How often people have IMS and what affects how many visits you need.",
        "order": 6,
        "faqs": [
            {
                "question": "How often will I have IMS?",
                "answer": (
                    "<p>Most people have IMS once a week. This gives your body time to heal "
                    "between sessions.</p>"
                ),
                "order": 1,
                "related_article": "what-to-expect",
            },
            {
                "question": "How many sessions will I need?",
                "answer": (
                    "<p>It is different for each person. It depends on your condition and how "
                    "long you have had it. It also depends on how much scar tissue there is "
                    "and how fast your body heals. Your physiotherapist will talk with you "
                    "about a plan.</p>"
                ),
                "order": 2,
                "related_article": "what-to-expect",
            },
            {
                "question": "Will I feel better after one session?",
                "answer": (
                    "<p>Some people notice a change right away, such as moving more easily. "
                    "The effects of IMS are cumulative. This means they add up over several "
                    "sessions. Results vary from person to person.</p>"
                ),
                "order": 3,
                "related_article": "what-to-expect",
            },
        ],
    },
]

BENEFITS = [
    {
        "title": "Pain relief",
        "explanation": (
            "Dry needling can often ease pain in one area that comes from tight muscles, "
            "trigger points or myofascial pain. Myofascial means the muscles and the thin "
            "layer of tissue around them."
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
            "Range of motion is how far you can move a joint. As tight muscles relax, your "
            "joints may bend and turn more freely."
        ),
        "order": 3,
    },
    {
        "title": "Fewer muscle spasms",
        "explanation": (
            "A spasm is when a muscle tightens on its own. Needling can help ease spasms and "
            "the discomfort they cause."
        ),
        "order": 4,
    },
    {
        "title": "Better blood flow",
        "explanation": (
            "Needling may bring more blood flow to the area. Blood carries oxygen and "
            "nutrients, which can help the area heal."
        ),
        "order": 5,
    },
    {
        "title": "Natural pain relief",
        "explanation": (
            "Needling may cause your body to release its own pain-relieving chemicals, such "
            "as endorphins. These can ease pain and help you feel well."
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
            "When tight muscles work better, everyday tasks may get easier. These include "
            "reaching, bending and walking."
        ),
        "order": 8,
    },
    {
        "title": "Relief that can come quickly",
        "explanation": (
            "Some people feel relief soon after a session. This can be helpful for new or "
            "sudden pain."
        ),
        "order": 9,
    },
    {
        "title": "Targeted treatment",
        "explanation": (
            "The needle goes into the exact muscles or trigger points that need care. Your "
            "treatment is matched to your body and your needs."
        ),
        "order": 10,
    },
    {
        "title": "Help with long-term conditions",
        "explanation": (
            "Dry needling may help people manage long-term conditions. Examples are "
            "myofascial pain syndrome and some kinds of headaches."
        ),
        "order": 11,
    },
    {
        "title": "Minimally invasive",
        "explanation": (
            "Minimally invasive means it does not involve surgery or cuts. The needles are "
            "very thin, and nothing is injected. Most people handle the treatment well."
        ),
        "order": 12,
    },
]

CONDITIONS = [
    {
        "name": "Chronic pain",
        "explanation": (
            "Chronic pain is pain that lasts a long time. When it comes from tight muscles "
            "and irritated nerves, IMS may help ease it over several sessions."
        ),
        "order": 1,
    },
    {
        "name": "Neuropathic (nerve-related) pain",
        "explanation": (
            "This is pain from a nerve that is not working properly. IMS aims at the tight "
            "muscles linked to that nerve, which may take pressure off it."
        ),
        "order": 2,
    },
    {
        "name": "Back and neck pain from tight spinal muscles",
        "explanation": (
            "Short, tight muscles along the spine can squeeze the discs, joints and nerve "
            "roots. IMS may help these muscles relax and ease the squeeze."
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
            "Injuries from sport often leave muscles tight and sore. IMS may help you move "
            "more freely while you do your rehab exercises."
        ),
        "order": 5,
    },
    {
        "name": "Injuries that keep coming back",
        "explanation": (
            "Tight muscles linked to an irritated nerve can keep an injury from settling. "
            "IMS may help by treating those muscles, not only the sore spot."
        ),
        "order": 6,
    },
    {
        "name": "Tension headaches",
        "explanation": (
            "Tight muscles in the neck and shoulders can send pain into the head. For some "
            "people, treating these muscles makes headaches less frequent or less strong."
        ),
        "order": 7,
    },
    {
        "name": "Myofascial pain syndrome",
        "explanation": (
            "This is long-lasting pain from trigger points, which are tight knots in muscle. "
            "Needling the trigger points may help the muscle relax and hurt less."
        ),
        "order": 8,
    },
    {
        "name": "Tendonitis",
        "explanation": (
            "Tendonitis means a sore, irritated tendon, the cord that joins muscle to bone. "
            "Tight muscles can add strain to a tendon, and IMS may help them relax."
        ),
        "order": 9,
    },
    {
        "name": "Carpal tunnel syndrome",
        "explanation": (
            "This causes numbness, tingling or pain in the hand. Tight muscles and an "
            "irritated nerve in the neck or arm can play a part, and IMS may help those "
            "muscles relax."
        ),
        "order": 10,
    },
    {
        "name": "Pain linked to osteoarthritis",
        "explanation": (
            "Osteoarthritis is wear and tear in a joint. IMS does not change the joint, but "
            "it may ease pain from tight muscles around it."
        ),
        "order": 11,
    },
]

PRECAUTIONS = [
    {
        "name": "Pregnancy",
        "kind": "avoid",
        "explanation": (
            "IMS is not recommended during pregnancy. Do you think you could be pregnant? "
            "If so, tell your physiotherapist before treatment."
        ),
        "self_check_question": "Are you pregnant, or could you be?",
        "order": 1,
    },
    {
        "name": "Bleeding disorders such as hemophilia",
        "kind": "avoid",
        "explanation": (
            "Hemophilia is a condition where the blood does not clot well. IMS is not "
            "recommended if you have it or any other bleeding disorder."
        ),
        "self_check_question": "Do you have hemophilia or another bleeding disorder?",
        "order": 2,
    },
    {
        "name": "Infection in the area to be treated",
        "kind": "avoid",
        "explanation": (
            "A needle should not go into skin or muscle that is infected. Tell your "
            "physiotherapist about any infection where you would be treated."
        ),
        "self_check_question": "Do you have an infection in or near the area to be treated?",
        "order": 3,
    },
    {
        "name": "Blood-thinning (anticoagulant) medicine",
        "kind": "tell",
        "explanation": (
            "Anticoagulants are medicines that make your blood clot more slowly. If you take "
            "one, tell your physiotherapist before treatment. Do not stop any medicine "
            "without asking your doctor."
        ),
        "self_check_question": "Do you take a blood thinner (anticoagulant)?",
        "order": 4,
    },
]

AFTERCARE_TIPS = [
    {
        "kind": "normal",
        "title": "A deep ache for 24 to 48 hours",
        "text": (
            "The treated muscles often ache for 24 to 48 hours. It can feel like your "
            "muscles after a hard workout. This is normal and a good reaction to treatment."
        ),
        "order": 1,
    },
    {
        "kind": "normal",
        "title": "Moving more easily right away",
        "text": (
            "Many people can move farther or more easily right after a session. The muscles "
            "may feel looser too."
        ),
        "order": 2,
    },
    {
        "kind": "self_care",
        "title": "Use a cool pack",
        "text": (
            "Put a cool pack on sore areas to ease the ache. Wrap it in a thin towel so it "
            "does not touch your bare skin."
        ),
        "order": 3,
    },
    {
        "kind": "self_care",
        "title": "Keep moving gently",
        "text": (
            "Gentle movement helps. Do the exercises and stretches your physiotherapist "
            "gave you, the way they showed you."
        ),
        "order": 4,
    },
    {
        "kind": "self_care",
        "title": "Come once a week",
        "text": (
            "IMS is usually done once a week. This gives your body time to heal between sessions."
        ),
        "order": 5,
    },
    {
        "kind": "self_care",
        "title": "Give it time",
        "text": (
            "The effects of IMS are cumulative. They add up from one session to the next. "
            "Results vary from person to person."
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
        "text": (
            "Call the clinic if a needle spot gets red, hot or swollen, and it spreads. If "
            "you also have a fever or feel unwell, see a doctor the same day."
        ),
        "order": 8,
    },
    {
        "kind": "urgent",
        "title": "Sudden shortness of breath or chest pain",
        "text": (
            "This is rare. But if you have sudden shortness of breath or chest pain after "
            "treatment near the chest, ribs or upper back, call 911 or go to the nearest "
            "emergency department right away. Do not wait to call the clinic first."
        ),
        "order": 9,
    },
]

SITE_PAGES = [
    {
        "key": "home",
        "title": "IMS and dry needling, explained",
        "meta_description": (
            "Plain-language answers about IMS and dry needling: what it is, how it works, "
            "who it may help, and what to expect at your physiotherapy visit."
        ),
        "intro": (
            "<p>IMS (intramuscular stimulation) is a type of dry needling done by a trained "
            "physiotherapist. A very thin needle goes into tight muscles to help them relax "
            "and to ease pain that comes from muscles and nerves.</p>"
        ),
        "body": (
            "<p>A registered physiotherapist certified in IMS checks every article. This site "
            "is for general learning. It does not replace advice from your own health care "
            "provider.</p>"
        ),
    },
    {
        "key": "articles",
        "title": "Articles about IMS",
        "meta_description": (
            "Short, clear articles about IMS: how it works, nerve-related pain, trigger "
            "points, how it differs from acupuncture, and who should not have it."
        ),
        "intro": (
            "<p>Clear, short articles about IMS and dry needling. Each one is checked by a "
            "registered physiotherapist. New here? Start with the first one.</p>"
        ),
        "body": "",
    },
    {
        "key": "faq",
        "title": "Questions and answers about IMS",
        "meta_description": (
            "Answers to common questions about IMS: how it compares with acupuncture, what "
            "to tell us first, soreness after treatment and how many visits you may need."
        ),
        "intro": (
            "<p>Short answers to the questions people ask us most. Don't see your question? "
            "Call or e-mail us.</p>"
        ),
        "body": "",
    },
    {
        "key": "benefits",
        "title": "How IMS and dry needling may help",
        "meta_description": (
            "How IMS and dry needling may help: easing pain, relaxing tight muscles, better "
            "movement and blood flow. Results vary from person to person."
        ),
        "intro": (
            "<p>Dry needling may help in several ways. Here are the main ones. How much it "
            "helps is different for each person.</p>"
        ),
        "body": (
            "<p>IMS works best as one part of a plan that includes exercise and other care "
            "from your physiotherapist.</p>"
        ),
    },
    {
        "key": "conditions",
        "title": "Conditions IMS may help",
        "meta_description": (
            "Conditions IMS may help, from back and neck pain and tension headaches to "
            "sports injuries, tendonitis and carpal tunnel syndrome, explained simply."
        ),
        "intro": (
            "<p>IMS is used for pain that comes from tight muscles and irritated nerves. "
            "These are some of the problems it may help with.</p>"
        ),
        "body": (
            "<p>Your physiotherapist will examine you first. They will tell you if IMS is a "
            "good fit for your pain.</p>"
        ),
    },
    {
        "key": "safety",
        "title": "Is IMS safe for me?",
        "meta_description": (
            "Who should not have IMS, what to tell your physiotherapist first, and how "
            "single-use sterile needles keep the risk of infection very low."
        ),
        "intro": (
            "<p>IMS is generally safe when a trained physiotherapist does it, but it is not "
            "right for everyone. Check the list below before your visit.</p>"
        ),
        "body": (
            "<p><strong>A note about medicines.</strong> Tell your physiotherapist about "
            "every medicine you take, especially blood thinners. Bring a list to your first "
            "visit. Do not stop taking any medicine without asking your doctor first.</p>"
        ),
    },
    {
        "key": "aftercare",
        "title": "After your IMS treatment",
        "meta_description": (
            "What is normal after IMS, how to ease the ache with cool packs and gentle "
            "movement, and when to call the clinic or get urgent help."
        ),
        "intro": (
            "<p>Most people feel a deep ache for a day or two after IMS. Here is what is "
            "normal, what helps and when to get help.</p>"
        ),
        "body": ("<p>In an emergency, call 911 or go to the nearest emergency department.</p>"),
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
    },
]

GLOSSARY_TERMS = [
    {
        "term": "IMS",
        "slug": "ims",
        "definition": (
            "Short for intramuscular stimulation. A type of dry needling developed by "
            "Dr. Chan Gunn. A physiotherapist puts a very thin needle into tight muscles "
            "near an irritated nerve to help them relax."
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
            "A nerve that is not working as well as it should. It can make the muscles it "
            "controls tight and sore. Pain from it is called neuropathic pain."
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
]
