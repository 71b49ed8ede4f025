"""Writes the labelled example comments the spam filter starts from.

Every text here was written for this project (no comment was collected from another
site), so the set can ship with the code under the project's own licence. The
comments are put together from the sentence lists below: genuine patients' questions,
experiences and thanks about IMS and dry needling ("ham"), and the link spam,
pharmacy, crypto, casino, SEO, "great post" and foreign-language spam that comment
forms attract ("spam"), with hard cases on both sides written out in full.

Each list is split in two by position: even entries build the training set, odd
entries the evaluation set. So no sentence of the evaluation set was ever seen in
training, and ``manage.py spam_report`` measures the filter on text that is new to it.

Run ``python -m comments.spam_data.generate`` after changing a list; it rewrites
``train.jsonl`` and ``eval.jsonl`` beside this file (the output is the same every time).
"""

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAIN_FILE = HERE / "train.jsonl"
EVAL_FILE = HERE / "eval.jsonl"

# --- Genuine comments -------------------------------------------------------------

HAM_FIRST_NAMES = [
    "Jamie",
    "Priya",
    "Daniel",
    "Mei",
    "Sandeep",
    "Olivia",
    "Marcus",
    "Aiko",
    "Fatima",
    "Liam",
    "Harpreet",
    "Sofia",
    "Ken",
    "Grace",
    "Mohammed",
    "Chloe",
    "Ravi",
    "Hannah",
    "Tomasz",
    "Leah",
    "Arjun",
    "Emma",
    "Jun",
    "Nadia",
    "Owen",
    "Isabel",
    "Wei",
    "Ruth",
    "Diego",
    "Anika",
    "Brian",
    "Yuki",
    "Carmen",
    "Ethan",
    "Simran",
    "Paul",
    "Lena",
    "Gurpreet",
    "Megan",
    "Alex",
    "Bev",
    "Doug",
    "Linda",
    "Hiro",
    "Sara",
    "Kyle",
    "Joanne",
]
HAM_LAST_NAMES = [
    "Rivera",
    "Sharma",
    "Chen",
    "Nguyen",
    "Gill",
    "Martin",
    "Kowalski",
    "Tanaka",
    "Ali",
    "O'Brien",
    "Singh",
    "Rossi",
    "Park",
    "Wilson",
    "Hassan",
    "Dubois",
    "Patel",
    "Schmidt",
    "Li",
    "Thompson",
    "Sidhu",
    "Lee",
    "Murray",
    "Fraser",
    "Campbell",
    "Wong",
    "Dhillon",
]
HAM_EMAIL_DOMAINS = [
    "gmail.com",
    "outlook.com",
    "shaw.ca",
    "telus.net",
    "hotmail.com",
    "icloud.com",
    "yahoo.ca",
    "protonmail.com",
    "sympatico.ca",
    "live.ca",
]
HAM_WEBSITES = [
    "https://www.linkedin.com/in/{first}-{last}",
    "https://{first}{last}.ca",
    "https://{first}runs.blogspot.com",
    "https://www.{last}carpentry.ca",
    "https://{first}-{last}.photography",
]

HAM_OPENERS = [
    "Hi,",
    "Hello,",
    "Hi there.",
    "Thanks for this article.",
    "Great explanation.",
    "I have a question.",
    "Quick question.",
    "Good morning,",
    "Thank you for writing this.",
    "I read this before my first appointment.",
    "Hello from a nervous first-timer!",
    "This page was helpful.",
    "Hi everyone,",
    "My physio sent me this link.",
    "I just had my third session.",
    "Hey,",
    "Thanks for the clear page.",
    "Hi, long-time back pain sufferer here.",
    "My doctor suggested IMS.",
    "I wasn't sure where else to ask.",
]

HAM_QUESTIONS = [
    "Is it normal to feel sore for two days after IMS?",
    "How many sessions does it usually take before you notice a change?",
    "Can I go to the gym the day after dry needling?",
    "Does extended health insurance usually cover IMS, or only regular physio?",
    "Will it hurt more than acupuncture?",
    "I'm on blood thinners. Is dry needling still safe for me?",
    "Should I put ice or heat on the sore spots afterwards?",
    "How long is a typical appointment?",
    "Is IMS safe during pregnancy?",
    "Can you treat tennis elbow with dry needling?",
    "Do I need a referral from my doctor to book?",
    "What should I wear to my first appointment?",
    "Is bruising after the needles something to worry about?",
    "My neck felt worse the next day. Does that mean it didn't work?",
    "Can IMS help with headaches that start in the neck?",
    "Are the needles single-use?",
    "Is it OK to drive home after a session?",
    "Can I book a session for my knee and my shoulder on the same day?",
    "How is IMS different from trigger point injections?",
    "Do you offer direct billing to Pacific Blue Cross?",
    "I have a fear of needles. Is there anything that helps?",
    "Is it normal that my leg twitched a lot during treatment?",
    "Should I keep doing my home exercises between sessions?",
    "Can teenagers have dry needling?",
    "What does the twitch response actually mean?",
    "Can I have a massage the same week as IMS?",
    "How soon after a sprained ankle can I try dry needling?",
    "Is it worth trying if I have had sciatica for ten years?",
    "Does ICBC cover IMS after a car accident?",
    "Will I need to take time off work afterwards?",
    "Is it normal to feel tired and emotional after the first session?",
    "Can dry needling help plantar fasciitis?",
    "Do you treat jaw pain (TMJ) with IMS?",
    "What happens if the needle hits a nerve?",
    "Is there a cancellation fee if I need to move my appointment?",
    "How often should I come in at the start, weekly or every two weeks?",
    "Can I take ibuprofen after my session?",
    "Does WorkSafeBC pay for this if it's a work injury?",
    "Do you have evening or Saturday appointments?",
    "Is there parking near the clinic?",
    "Can IMS make fibromyalgia worse?",
    "Should I eat before my appointment?",
    "How deep do the needles go in the lower back?",
    "Is a hot shower OK after treatment?",
    "Could the soreness be from the needles or from my old injury?",
    "What is the difference between IMS and what my chiropractor calls dry needling?",
    "Do you need my MRI results before the first visit?",
    "Is it safe if I have a pacemaker?",
    "I have diabetes. Is there anything I should tell the physio first?",
    "Can I bring my partner into the treatment room?",
    "My receipt says 'physiotherapy'. Is that what I send to my insurer?",
    "Does it work for a frozen shoulder?",
    "Why does my buttock get treated when my pain is down my leg?",
    "Is one session enough for a stiff neck from sleeping badly?",
    "Can I swim the day after?",
    "What if I faint easily? Should I lie down for it?",
    "Is the soreness worse for people who are older?",
    "Do you treat runners with IT band pain?",
    "How long should I wait between sessions?",
    "Are there any side effects I should watch for at home?",
]

HAM_STORIES = [
    "I had my first IMS session last week and the ache eased after about a day.",
    "My shoulder has been stuck for months and this is the first thing that has helped a bit.",
    "The twitch felt strange, like a cramp for a second, but it was over quickly.",
    "I was nervous about the needles but my physio explained every step.",
    "After four visits I can sit through a full work day again.",
    "My lower back was very sore the evening after, and then much looser the next morning.",
    "I bruised a little on my calf but it faded in a few days.",
    "I didn't feel much difference after the first two sessions, but the third helped.",
    "I'm a nurse and I still found the explanation of the theory useful.",
    "My knee pain came back after I stopped my exercises, so now I do them every day.",
    "I drove home after my session and felt fine.",
    "My insurance covered most of it once I sent the receipt.",
    "I had dry needling in another city and it was rougher than here.",
    "The aftercare sheet about walking and drinking water helped me.",
    "I play hockey twice a week and my hip has felt better since the treatment.",
    "I have had headaches for years and my physio thinks my neck is part of it.",
    "It wasn't painless, but it was much less scary than I imagined.",
    "The physio stopped when I asked, which made me feel safe.",
    "I was tired the whole evening after and slept ten hours.",
    "My mom is 72 and she tried it for her hip. She was sore but happy.",
    "I work at a desk all day and my upper back is always tight.",
    "My pain is about the same, but I sleep a bit better.",
    "I felt a deep ache in my glute during the treatment that went away quickly.",
    "I'm training for a half marathon and my calves are always knotted.",
    "My family doctor had never heard of IMS, so I printed this page for her.",
    "I had a car accident in March and my neck has been stiff ever since.",
    "The heat pack afterwards was really nice.",
    "I had a little bleeding where one needle went in, but it stopped right away.",
    "It took me six sessions before I noticed a real change.",
    "My tennis elbow is finally calming down.",
]

HAM_CLOSERS = [
    "Thanks!",
    "Thank you.",
    "Thanks in advance.",
    "Appreciate it.",
    "Cheers.",
    "Thank you for the clear information.",
    "Any advice is welcome.",
    "Thanks so much.",
    "Looking forward to my next visit.",
    "Thanks for answering questions here.",
    "Have a good day.",
    "Thanks again to the team.",
    "Many thanks.",
    "Thank you!!",
]

# Hard genuine cases written out in full: short, full of praise, or with a web
# address, the things that make a simple filter call a patient a spammer.
HAM_HARD = [
    {"body": "Thank you!"},
    {"body": "Thanks!"},
    {"body": "Great article, thank you."},
    {"body": "Very helpful, thanks."},
    {"body": "Does it hurt?"},
    {"body": "Is it covered by MSP?"},
    {"body": "Thank you so much for this."},
    {"body": "How much is a session?"},
    {"body": "Great post, really clear. Thanks."},
    {"body": "Good to know, thanks!"},
    {"body": "Can kids get IMS?"},
    {"body": "Thanks, this helped me decide to book."},
    {"body": "Is the first visit longer?"},
    {"body": "Very informative article."},
    {
        "body": "The link to the aftercare sheet on your website gives me an error page. "
        "Could you fix it?"
    },
    {
        "body": "I found you through the Physiotherapy Association of BC website "
        "(https://bcphysio.org). Are all your physios certified in IMS?"
    },
    {
        "body": "My physio showed me the exercises on www.youtube.com but I lost the "
        "video. Is there a link to the neck stretches?"
    },
    {
        "body": "I wrote about my experience with IMS on my blog, if it helps anyone "
        "who is nervous: https://jamieheals.blogspot.com/2026/03/ims",
        "website": "https://jamieheals.blogspot.com",
    },
    {
        "body": "Does your clinic use the same method as the iSTOP site describes? "
        "https://www.istopmd.com",
    },
    {
        "body": "I booked online on your website but got no confirmation e-mail. "
        "Did my booking go through?"
    },
    {"body": "Wow, thank you!"},
    {"body": "Nice to read something this clear."},
    {"body": "Is parking free?"},
    {"body": "Thanks for the info."},
    {"body": "Great article!"},
    {"body": "Thank you, very helpful!"},
    {"body": "Useful page, bookmarked it for my dad."},
    {"body": "Do you take WorkSafe claims?"},
    {
        "body": "Is dry needling the same as the 'functional dry needling' course my "
        "physio took? I read about it at https://www.kinetacore.com",
    },
    {
        "body": "My insurance company's website says they need a receipt with the "
        "practitioner's registration number. Is that on your receipts?"
    },
    {"body": "I'm sore but happy. Thank you to the whole team!"},
    {"body": "Best explanation of IMS I have read. Thank you."},
    {"body": "So glad I found this page before my appointment tomorrow."},
    {"body": "Amazing, thank you for sharing."},
    {"body": "How long does the soreness last?"},
    {"body": "Can I work out after?"},
    {
        "body": "I'm a physio student and I shared this article with my class. "
        "Thank you for citing the studies.",
        "website": "https://www.linkedin.com/in/sara-li-physio",
    },
    {
        "body": "Where is the clinic exactly? Google Maps shows two addresses.",
    },
    {"body": "Merci pour l'article, très clair. Est-ce que la séance est en anglais seulement?"},
    {"body": "¿Hablan español en la clínica? Mi madre quiere probar la punción seca."},
    {"body": "请问你们有会说中文的物理治疗师吗？我父亲想试试IMS。"},
    {"body": "Bardzo dziękuję, mój kręgosłup czuje się lepiej po trzech wizytach."},
]

# --- Spam ---------------------------------------------------------------------------

SPAM_NAMES = [
    "Best SEO Agency",
    "buy tramadol online",
    "Crypto Signals Pro",
    "Kevin",
    "Jessica",
    "Online Casino Canada",
    "cheap essays",
    "Mike Johnson",
    "Anna",
    "Link Building Expert",
    "Replica Watches",
    "Instant Loans",
    "Jennifer Smith",
    "David",
    "Free Spins 2026",
    "Keto Gummies",
    "web design company",
    "Emily Brown",
    "John",
    "Sarah",
    "Лариса",
    "Максим",
    "王伟",
    "Maria",
    "Robert",
    "digital marketing services",
    "Forex Mentor",
    "Bitcoin Recovery Expert",
    "CBD Oil Shop",
    "Plumber Near Me",
]
SPAM_EMAIL_DOMAINS = [
    "gmail.com",
    "mail.ru",
    "yandex.ru",
    "outlook.com",
    "163.com",
    "seo-fast.top",
    "hotmail.com",
    "protonmail.com",
    "rambler.ru",
    "qq.com",
    "yahoo.com",
    "gmx.com",
]
SPAM_SITES = [
    "https://best-seo-ranking.top",
    "https://cheap-pharma-store.xyz",
    "https://crypto-profit-daily.com",
    "https://spin-casino-bonus.online",
    "https://essay-writers-24.net",
    "https://replica-luxury-watch.shop",
    "https://fast-payday-cash.info",
    "https://bitcoin-doubler.io",
    "https://ketoslim-official.store",
    "https://webdesign-agency-pro.site",
    "https://forex-signals-vip.club",
    "https://cbd-wellness-outlet.com",
    "http://bit.ly/3xQz9Lp",
    "https://tinyurl.com/yk7a2b9m",
    "https://vk.com/club2198371",
    "https://kazino-online-777.ru",
    "https://dengi-bystro.ru",
    "https://888-slot-gacor.id",
    "https://followers-cheap.buzz",
    "https://guest-post-sites.biz",
    "https://lovely-dates-near-you.life",
    "https://aged-domains-expired.net",
    "https://vpn-free-download.click",
    "https://plumbing-24-7-toronto.com",
]

SPAM_PRAISE = [
    "Great post!",
    "Nice article, thanks for sharing.",
    "Very informative blog.",
    "I really like your website.",
    "Awesome content, keep it up!",
    "This is very useful.",
    "Wonderful article, I have bookmarked your site.",
    "Thanks for sharing this info.",
    "Hi, I found your blog on Google and I like it.",
    "Excellent write-up.",
    "I love this site, great work.",
    "Really enjoyed reading this.",
    "Your article is very good and helpful.",
    "Keep posting such great content!",
    "Good info, I will share with my friends.",
    "Nice blog post, very helpful for me.",
    "I have read many articles but this one is the best.",
    "Valuable information.",
    "Pretty good post. I just stumbled upon your blog.",
    "Superb article, thanks admin.",
]

SPAM_PITCHES = [
    "Buy cheap tramadol and oxycodone online without prescription, fast shipping.",
    "Earn 5000 USD every week with our automatic crypto trading bot.",
    "Get 200 free spins and a 500% welcome bonus at the best online casino.",
    "We provide high quality do-follow backlinks from DA 90+ sites.",
    "Looking for cheap essay writing? Our writers do your homework in 3 hours.",
    "Rank your clinic #1 on Google in 30 days, guaranteed results.",
    "Replica Rolex and Omega watches at 90% off, free worldwide delivery.",
    "Need cash fast? Payday loans approved in 5 minutes, no credit check.",
    "Lose 20 pounds in two weeks with our keto gummies, doctors hate this trick.",
    "Our web design agency builds professional sites for small businesses cheap.",
    "Join our VIP forex signals group and double your money this month.",
    "Lost your bitcoin to a scam? Our recovery experts get it back, contact on WhatsApp.",
    "Buy real Instagram followers and likes, instant delivery.",
    "Order generic Viagra and Cialis online, discreet packaging.",
    "Hot singles in your area are waiting to chat with you tonight.",
    "Guest posting on high authority health blogs, only 50 dollars per post.",
    "Best CBD oil for pain, anxiety and sleep, 40% discount code inside.",
    "Download the best free VPN and watch every movie without limits.",
    "Emergency plumber available 24/7, call now for a free quote.",
    "We sell aged expired domains with high traffic and backlinks.",
    "Make money from home with this one simple online job, no experience needed.",
    "Buy Adderall and Xanax online, no doctor needed, bitcoin accepted.",
    "Invest in our new token presale and get 100x returns before launch.",
    "Professional SEO services: on-page, off-page, local SEO and link building.",
    "Bet on sports with the highest odds and instant withdrawals.",
    "Custom printed t-shirts and hoodies, bulk orders with free shipping.",
    "Cheap flights and hotel deals, book today and save up to 70%.",
    "Get a verified PayPal account and unlimited credit card numbers.",
    "Your website has errors that hurt your Google ranking. Reply for a free audit.",
    "I can bring 10,000 visitors per month to your clinic website. Interested?",
    "Hello admin, do you accept sponsored posts? We pay 100$ per article with a link.",
    "Try our AI content writer that creates 1000 SEO articles a day.",
    "Best online pharmacy Canada, ivermectin and hydroxychloroquine in stock.",
    "Slot gacor hari ini, maxwin dijamin, daftar sekarang.",
    "Unlock any iPhone with our software, 100% working.",
    "Are you tired of back pain? Our magnetic bracelet cures it in 3 days.",
    "Learn the secret method of the billionaires to get rich with crypto.",
    "We write reviews for your Google business page, 5 stars only.",
    "Cheap Canada Goose jackets outlet, authentic, 80% off today.",
    "Apply now for a student loan forgiveness program, limited time.",
]

SPAM_CALLS = [
    "Visit {site} now.",
    "Check it out: {site}",
    "More info here {site}",
    "Click here: {site}",
    "See {site} for details.",
    "Order at {site}",
    "Contact us at {site}",
    "Go to {site} today!",
    "{site}",
    "Learn more: {site}",
    "Our site: {site}",
    "Details at {site} and {site2}",
    "Sign up at {site} !!!",
    "Website: {site}",
    "Best prices on {site}",
    "Read more on my blog {site}",
]

SPAM_FOREIGN = [
    "Лучшее онлайн казино, бонус для новых игроков, заходи прямо сейчас!",
    "Продвижение сайтов в поиске, быстро и недорого, гарантия результата.",
    "Кредит без справок и поручителей за 15 минут, одобрение всем.",
    "Купить диплом о высшем образовании недорого с доставкой.",
    "Заработок в интернете от 3000 рублей в день без вложений.",
    "Скачать бесплатно фильмы и сериалы в хорошем качестве.",
    "网络赌场，注册即送彩金，每天返水，欢迎加入。",
    "专业代写论文，价格优惠，保证原创。",
    "出售各种证件，办理快速，质量保证，请联系微信。",
    "日本語のオンラインカジノ、今すぐ登録でボーナス獲得！",
    "Situs judi slot online terpercaya, deposit pulsa tanpa potongan.",
    "Jasa SEO murah, halaman pertama Google dalam seminggu.",
    "Préstamos rápidos sin buró de crédito, aprobación inmediata.",
    "Compra seguidores reales para Instagram al mejor precio.",
    "Ganhe dinheiro com apostas esportivas, bônus de boas-vindas de 100%.",
    "Emagreça 10 kg em um mês com este chá milagroso.",
    "Günstige Medikamente ohne Rezept online bestellen, diskreter Versand.",
    "Bester Online Casino Bonus in Deutschland, jetzt registrieren!",
    "Thuốc tăng cường sinh lý nam, giao hàng toàn quốc.",
    "Kazanmak için en iyi bahis sitesi, hemen üye ol.",
]

# Hard spam written out in full: short praise, a normal name, the link only in the
# website field, or a pitch dressed as a patient's story.
SPAM_HARD = [
    {"name": "Jessica", "body": "Great post!", "website": "https://spin-casino-bonus.online"},
    {"name": "Mark", "body": "Thanks for sharing.", "website": "https://best-seo-ranking.top"},
    {
        "name": "Linda",
        "body": "My back pain was terrible until I tried the CBD cream from "
        "https://cbd-wellness-outlet.com, now I am pain free!",
    },
    {"name": "Tom", "body": "Nice.", "website": "https://cheap-pharma-store.xyz"},
    {
        "name": "Physio Marketing Pros",
        "body": "Hi, I noticed your clinic website could get more patients. We help "
        "physiotherapy clinics rank higher. Can I send you a proposal?",
    },
    {"name": "Alice", "body": "https://crypto-profit-daily.com"},
    {
        "name": "Rachel",
        "body": "Very helpful article about dry needling. By the way, I found a great "
        "site for cheap needles and supplies: https://cheap-pharma-store.xyz/needles",
    },
    {"name": "Steve", "body": "Good information.", "website": "https://essay-writers-24.net"},
    {
        "name": "Dr. Ahmed Spell Caster",
        "body": "I was suffering from chronic pain for years until Dr. Ahmed helped me "
        "with a powerful spell. Contact him on WhatsApp +2348012345678.",
    },
    {"name": "Paula", "body": "I like it!", "website": "https://lovely-dates-near-you.life"},
    {
        "name": "Brian",
        "body": "Interesting. I wrote about similar topics on "
        "https://guest-post-sites.biz/health, have a look and link back!",
    },
    {
        "name": "Kim",
        "body": "Thank you for this post. Hi, I am writing from a SEO company, do you "
        "want backlinks for your physio site? Cheap price.",
    },
    {"name": "Olga", "body": "Спасибо, очень интересно! https://kazino-online-777.ru"},
    {"name": "Lucas", "body": "Great blog! Please visit mine too https://888-slot-gacor.id"},
    {
        "name": "Sam",
        "body": "Excellent article on IMS. If you need money for treatment, try our fast "
        "loans at https://fast-payday-cash.info",
    },
    {"name": "Chris", "body": "Good job admin", "website": "https://followers-cheap.buzz"},
    {
        "name": "Nina",
        "body": "Awesome! I tried IMS too. Anyway, anyone looking for replica watches, "
        "check https://replica-luxury-watch.shop",
    },
    {"name": "Emma", "body": "Very nice article!", "website": "http://bit.ly/3xQz9Lp"},
    {
        "name": "Trader Joe",
        "body": "While recovering from my injury I made $12,000 trading bitcoin with "
        "this platform https://bitcoin-doubler.io it changed my life.",
    },
    {"name": "Daniel", "body": "Wow!", "website": "https://vpn-free-download.click"},
]


def _email(rng, first, last, domains):
    style = rng.randrange(4)
    first, last = first.lower().replace("'", ""), last.lower().replace("'", "")
    local = [
        f"{first}.{last}",
        f"{first}{rng.randrange(10, 99)}",
        f"{first[0]}{last}",
        f"{first}_{last}{rng.randrange(1, 9)}",
    ][style]
    return f"{local}@{rng.choice(domains)}"


def _ham(rng, part, n):
    openers, questions = HAM_OPENERS[part::2], HAM_QUESTIONS[part::2]
    stories, closers = HAM_STORIES[part::2], HAM_CLOSERS[part::2]
    hard = HAM_HARD[part::2]
    rows = []
    for i in range(n):
        first, last = rng.choice(HAM_FIRST_NAMES), rng.choice(HAM_LAST_NAMES)
        name = rng.choice([first, f"{first} {last}", f"{first} {last[0]}.", first.lower()])
        email = _email(rng, first, last, HAM_EMAIL_DOMAINS)
        website = ""
        if rng.random() < 0.06:
            website = rng.choice(HAM_WEBSITES).format(
                first=first.lower(), last=last.lower().replace("'", "")
            )
        if i < len(hard):
            item = hard[i]
            kind = "hard"
            body = item["body"]
            website = item.get("website", website)
        else:
            kind = rng.choice(["question", "question", "story", "story+question"])
            parts = []
            if rng.random() < 0.45:
                parts.append(rng.choice(openers))
            if kind == "question":
                parts.append(rng.choice(questions))
                if rng.random() < 0.3:
                    parts.append(rng.choice(questions))
            elif kind == "story":
                parts.extend(rng.sample(stories, rng.choice([1, 1, 2])))
            else:
                parts += [rng.choice(stories), rng.choice(questions)]
            if rng.random() < 0.5:
                parts.append(rng.choice(closers))
            body = " ".join(parts)
            if rng.random() < 0.15:
                body = body.lower()
            if rng.random() < 0.2:
                body = body.replace(". ", ".\n\n", 1)
        rows.append(
            {
                "label": "ham",
                "kind": kind,
                "name": name,
                "email": email,
                "website": website,
                "body": body,
            }
        )
    return rows


def _spam(rng, part, n):
    praise, pitches = SPAM_PRAISE[part::2], SPAM_PITCHES[part::2]
    calls, foreign, sites = SPAM_CALLS[part::2], SPAM_FOREIGN[part::2], SPAM_SITES[part::2]
    names, hard = SPAM_NAMES[part::2], SPAM_HARD[part::2]
    rows = []
    for i in range(n):
        name = rng.choice(names)
        email = _email(
            rng,
            rng.choice(["mike", "anna", "seo", "info", "best", "win"]),
            rng.choice(["pro", "smith", "team", "deal", "usa", "world"]),
            SPAM_EMAIL_DOMAINS,
        )
        site, site2 = rng.choice(sites), rng.choice(sites)
        website = site if rng.random() < 0.5 else ""
        if i < len(hard):
            item = hard[i]
            kind, body = "hard", item["body"]
            name, website = item["name"], item.get("website", "")
        else:
            kind = rng.choice(["praise+link", "pitch", "pitch", "foreign", "praise+pitch"])
            if kind == "praise+link":
                body = f"{rng.choice(praise)} {rng.choice(calls).format(site=site, site2=site2)}"
            elif kind == "pitch":
                body = rng.choice(pitches)
                if rng.random() < 0.3:
                    body += " " + rng.choice(pitches)
                if rng.random() < 0.8:
                    body += " " + rng.choice(calls).format(site=site, site2=site2)
            elif kind == "foreign":
                body = rng.choice(foreign)
                if rng.random() < 0.85:
                    body += " " + site
            else:
                body = f"{rng.choice(praise)} {rng.choice(pitches)}"
                if rng.random() < 0.7:
                    body += " " + rng.choice(calls).format(site=site, site2=site2)
            if rng.random() < 0.1:
                body = body.upper()
        rows.append(
            {
                "label": "spam",
                "kind": kind,
                "name": name,
                "email": email,
                "website": website,
                "body": body,
            }
        )
    return rows


def generate():
    """(training rows, evaluation rows), the same every time."""
    rng = random.Random(15)
    train = _ham(rng, 0, 700) + _spam(rng, 0, 600)
    evaluation = _ham(rng, 1, 500) + _spam(rng, 1, 400)
    rng.shuffle(train)
    rng.shuffle(evaluation)
    return train, evaluation


def write(path, rows):
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    train, evaluation = generate()
    write(TRAIN_FILE, train)
    write(EVAL_FILE, evaluation)


if __name__ == "__main__":
    main()
