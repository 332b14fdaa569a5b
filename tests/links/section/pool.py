"""pool.py: the stories the section pages are made of, written by hand.

Three pools, as a day's news is shared by the outlets of one place: BD
(Bangladeshi Bengali: Prothom Alo, Jugantor, Kaler Kantho, bdnews24
Bangla), WB (West Bengal Bengali: Anandabazar, Sangbad Pratidin) and EN
(English: The Daily Star, Dhaka Tribune, bdnews24.com).  A line is
SECTION|HEADLINE|ENGLISH-SLUG-WORDS (EN derives its slug from the
headline).  SUMMARY gives some stories the line a card prints under the
headline.  The news is plausible, the people in it unnamed or invented.
"""

BD = """
national|রাজধানীতে টানা বৃষ্টিতে জলাবদ্ধতা, ভোগান্তিতে নগরবাসী|dhaka-waterlogging-after-heavy-rain
national|ফেনীতে বন্যা পরিস্থিতির অবনতি, পানিবন্দী লাখো মানুষ|feni-flood-situation-worsens
national|মেট্রোরেল চলাচল আবার শুরু হচ্ছে রোববার থেকে|metro-rail-to-resume-from-sunday
national|ডেঙ্গুতে আরও তিনজনের মৃত্যু, হাসপাতালে ভর্তি ৪১২|dengue-three-more-deaths
national|ঢাকা-চট্টগ্রাম মহাসড়কে ১৫ কিলোমিটার যানজট|dhaka-chattogram-highway-tailback
national|কুমিল্লায় গোমতীর বাঁধ ভেঙে প্লাবিত ২০ গ্রাম|cumilla-gomti-embankment-breach
national|নোয়াখালীতে আশ্রয়কেন্দ্রে খাবার ও বিশুদ্ধ পানির সংকট|noakhali-shelters-food-water-crisis
national|সচিবালয়ে নিরাপত্তা জোরদার, প্রবেশে নতুন নিয়ম|secretariat-security-tightened
national|চট্টগ্রাম বন্দরে কনটেইনার জট কমেছে|chattogram-port-container-backlog-eases
national|সিলেটে পাহাড়ি ঢলে সুনামগঞ্জের নিম্নাঞ্চল প্লাবিত|sunamganj-flash-flood
national|গাজীপুরে কারখানায় আগুন, নিয়ন্ত্রণে ফায়ার সার্ভিসের ছয় ইউনিট|gazipur-factory-fire
national|বিমানবন্দরে দুই কেজি সোনাসহ যাত্রী আটক|dhaka-airport-gold-seized
national|খুলনায় লবণাক্ততায় ধানের চারা নষ্ট|khulna-salinity-damages-seedlings
national|রাজশাহীতে আমের দাম কমায় হতাশ চাষিরা|rajshahi-mango-prices-fall
national|পদ্মা সেতুতে এক দিনে রেকর্ড টোল আদায়|padma-bridge-record-toll
national|বরিশালে লঞ্চ চলাচল বন্ধ, ঘাটে যাত্রীদের ভিড়|barishal-launch-services-suspended
national|রংপুরে তিস্তার ভাঙনে বিলীন অর্ধশত বসতবাড়ি|teesta-erosion-rangpur
national|কক্সবাজারে ভারী বর্ষণে পাহাড়ধসের শঙ্কা|coxs-bazar-landslide-risk
national|ময়মনসিংহে ট্রেন লাইনচ্যুত, ঢাকার সঙ্গে যোগাযোগ বিচ্ছিন্ন|mymensingh-train-derailment
national|ঢাকায় বাসভাড়া নিয়ে যাত্রী-পরিবহনশ্রমিক বাগ্‌বিতণ্ডা|dhaka-bus-fare-dispute
politics|নির্বাচনী রোডম্যাপ চেয়েছে বিএনপি|bnp-seeks-election-roadmap
politics|সংস্কার কমিশনের সঙ্গে দলগুলোর সংলাপ শুরু আগামী সপ্তাহে|reform-commission-dialogue-next-week
politics|জামায়াতের নিবন্ধন নিয়ে আপিল বিভাগে শুনানি|jamaat-registration-appeal-hearing
politics|ছাত্র আন্দোলনের নেতারা নতুন দল গঠনের কথা ভাবছেন|student-leaders-mull-new-party
politics|জাতীয় পার্টির বর্ধিত সভা শনিবার|jatiya-party-extended-meeting
politics|সংবিধান সংস্কার নিয়ে মতামত চেয়েছে কমিশন|constitution-reform-opinions-sought
politics|স্থানীয় সরকার নির্বাচন আগে না জাতীয় নির্বাচন, দলগুলোর ভিন্নমত|local-vs-national-polls-parties-differ
politics|গণ অধিকার পরিষদের সমাবেশে হামলার অভিযোগ|gono-odhikar-rally-attack-alleged
politics|নির্বাচন কমিশন পুনর্গঠনে সার্চ কমিটি|search-committee-for-election-commission
politics|বাম জোটের মানববন্ধন প্রেসক্লাবের সামনে|left-alliance-human-chain
politics|দুর্নীতি দমন কমিশনে সাবেক মন্ত্রীর সম্পদের হিসাব তলব|acc-seeks-wealth-statement-former-minister
politics|রাজনৈতিক দলের নিবন্ধনের শর্ত শিথিলের প্রস্তাব|party-registration-rules-relax-proposal
economy|রেমিট্যান্সে আগস্টের প্রথম দুই সপ্তাহে ১১৫ কোটি ডলার|remittance-first-two-weeks-august
economy|ডলারের দাম স্থিতিশীল, কমেছে খোলাবাজারে|dollar-rate-stable-kerb-market
economy|চালের দাম কেজিতে বেড়েছে ৪ টাকা|rice-price-up-tk-4
economy|ব্যাংক খাতে সংস্কারে টাস্কফোর্স গঠন|banking-reform-task-force
economy|পোশাক রপ্তানিতে জুলাইয়ে প্রবৃদ্ধি কমেছে|rmg-export-growth-slows-july
economy|পুঁজিবাজারে টানা তৃতীয় দিনে সূচকের উত্থান|stock-index-rises-third-day
economy|ডিমের দাম বেঁধে দিল সরকার|government-fixes-egg-prices
economy|মূল্যস্ফীতি নেমে এল সাড়ে ১১ শতাংশে|inflation-eases-to-11-5-percent
economy|এলএনজি আমদানিতে নতুন চুক্তি|new-lng-import-deal
economy|ই-কমার্সে ক্রেতা সুরক্ষায় নীতিমালা আসছে|ecommerce-consumer-protection-policy
world|গাজায় যুদ্ধবিরতি আলোচনা কায়রোতে আবার শুরু|gaza-ceasefire-talks-resume-cairo
world|মিয়ানমারের রাখাইনে সংঘাত, সীমান্তে সতর্কতা|rakhine-fighting-border-alert
world|জাপানে শক্তিশালী ভূমিকম্প, সুনামি সতর্কতা প্রত্যাহার|japan-earthquake-tsunami-warning-lifted
world|যুক্তরাষ্ট্রের নির্বাচনী প্রচারে অর্থনীতিই মূল ইস্যু|us-election-economy-key-issue
world|কলকাতায় চিকিৎসক হত্যার প্রতিবাদে বিক্ষোভ অব্যাহত|kolkata-doctor-protest-continues
world|নেপালে ভূমিধসে বাস নদীতে, নিখোঁজ অনেকে|nepal-landslide-bus-river
world|ইউক্রেনের পাল্টা অভিযানে রাশিয়ার কুরস্কে উত্তেজনা|ukraine-incursion-kursk-tension
world|থাইল্যান্ডে নতুন প্রধানমন্ত্রী নির্বাচিত|thailand-new-prime-minister
world|পাকিস্তানে বন্যায় মৃত্যু ছাড়াল শতাধিক|pakistan-flood-deaths-exceed-hundred
world|এমপক্স নিয়ে বিশ্ব স্বাস্থ্য সংস্থার জরুরি সতর্কতা|who-mpox-emergency
sports|পাকিস্তান সফরের দল ঘোষণা, ফিরলেন দুই পেসার|test-squad-for-pakistan-tour
sports|সাফ অনূর্ধ্ব-২০ চ্যাম্পিয়নশিপে বাংলাদেশের জয়|saff-u20-bangladesh-win
sports|নারী টি-টোয়েন্টি বিশ্বকাপ আয়োজন নিয়ে অনিশ্চয়তা|womens-t20-world-cup-hosting-uncertain
sports|বিসিবির নতুন সভাপতি দায়িত্ব নিলেন|new-bcb-president-takes-charge
sports|ঘরোয়া ফুটবলের দলবদল শুরু সেপ্টেম্বরে|domestic-football-transfer-september
sports|এশিয়ান আর্চারিতে রুপা জিতলেন বাংলাদেশের তিরন্দাজ|asian-archery-silver
sports|শ্রীলঙ্কার বিপক্ষে সিরিজ জিতল বাংলাদেশ ‘এ’ দল|bangladesh-a-series-win-sri-lanka
sports|হকির এশিয়া কাপে বাংলাদেশের সূচি প্রকাশ|hockey-asia-cup-schedule
entertainment|পূজায় মুক্তি পাচ্ছে তিন বাংলা সিনেমা|three-films-release-during-puja
entertainment|শিল্পকলায় নতুন নাটকের মঞ্চায়ন শুক্রবার|new-play-at-shilpakala
entertainment|চলচ্চিত্র উৎসবে বাংলাদেশের দুই ছবি|two-bangladeshi-films-at-festival
entertainment|ওটিটিতে আসছে নতুন থ্রিলার সিরিজ|new-thriller-series-ott
entertainment|লোকসংগীত উৎসব বাতিল করল আয়োজকেরা|folk-music-festival-cancelled
opinion|বন্যা মোকাবিলায় আগাম প্রস্তুতি কেন জরুরি|why-flood-preparedness-matters
opinion|সংস্কারের পথে প্রথম পদক্ষেপ|first-steps-on-reform
opinion|শিক্ষাব্যবস্থার সংকট ও উত্তরণ|education-crisis-way-out
opinion|নগরের জলাবদ্ধতা: দায় কার|who-is-responsible-for-waterlogging
opinion|তরুণদের রাজনীতি ও আগামীর বাংলাদেশ|youth-politics-and-future
education|এইচএসসির স্থগিত পরীক্ষা বাতিলের সিদ্ধান্ত|hsc-postponed-exams-cancelled
education|বিশ্ববিদ্যালয়ে ক্লাস শুরু হচ্ছে সেপ্টেম্বরের প্রথম সপ্তাহে|universities-reopen-september
education|প্রাথমিকে শিক্ষক নিয়োগের লিখিত পরীক্ষা পেছাল|primary-teacher-recruitment-exam-deferred
education|মেডিকেল ভর্তি পরীক্ষার তারিখ ঘোষণা|medical-admission-test-date
tech|মোবাইল ইন্টারনেটের গতি বাড়াতে নতুন তরঙ্গ নিলাম|spectrum-auction-mobile-internet
tech|দেশে প্রথম ডেটা সেন্টার পার্ক চালু|first-data-centre-park
tech|ফ্রিল্যান্সারদের জন্য নতুন পেমেন্ট সেবা|new-payment-service-freelancers
tech|সাইবার নিরাপত্তা আইন সংশোধনের খসড়া|cyber-security-act-amendment-draft
lifestyle|বর্ষায় ত্বকের যত্নে পাঁচ পরামর্শ|five-skincare-tips-monsoon
lifestyle|ঘরে বসেই তৈরি করুন ইলিশ পোলাও|hilsa-polao-recipe
health|শিশুদের ডায়রিয়া বাড়ছে, সতর্ক থাকার পরামর্শ|child-diarrhoea-rising
health|চিকুনগুনিয়ার প্রকোপ ঢাকার তিন এলাকায়|chikungunya-three-areas-dhaka
environment|ঢাকার বাতাস আজ ‘অস্বাস্থ্যকর’|dhaka-air-unhealthy-today
environment|সুন্দরবনে বাঘের সংখ্যা বেড়েছে|sundarbans-tiger-count-rises
environment|বঙ্গোপসাগরে লঘুচাপ, সমুদ্রবন্দরে ৩ নম্বর সংকেত|low-pressure-bay-signal-3
environment|বুড়িগঙ্গার দূষণ রোধে নতুন উদ্যোগ|buriganga-pollution-initiative
national|সাতক্ষীরায় চিংড়িঘের ভেসে ক্ষতি কোটি টাকার|satkhira-shrimp-farms-washed-away
national|লক্ষ্মীপুরে বন্যার্তদের মধ্যে ত্রাণ বিতরণ|lakshmipur-relief-distribution
national|চাঁদপুরে ইলিশের দাম চড়া, ক্রেতারা হতাশ|chandpur-hilsa-prices-high
national|বগুড়ায় সড়ক দুর্ঘটনায় নিহত ৪|bogura-road-crash-four-killed
national|যশোরে বেনাপোল স্থলবন্দরে আমদানি কমেছে|benapole-imports-fall
national|নারায়ণগঞ্জে শীতলক্ষ্যায় নৌকাডুবি, নিখোঁজ দুই|narayanganj-boat-capsize
national|হবিগঞ্জে চা-শ্রমিকদের মজুরি বৃদ্ধির দাবি|habiganj-tea-workers-wage-demand
national|কুড়িগ্রামে ধরলার পানি বিপৎসীমার ওপরে|kurigram-dharla-above-danger
national|পটুয়াখালীতে জেলেদের জালে ধরা পড়ছে না ইলিশ|patuakhali-fishermen-no-hilsa
national|টাঙ্গাইলে তাঁতশিল্পে মন্দা|tangail-handloom-slump
national|দিনাজপুরে আলুর হিমাগারে আগুন|dinajpur-cold-storage-fire
national|ঝালকাঠিতে পেয়ারার বাজারে ক্রেতা কম|jhalakathi-guava-market
politics|চট্টগ্রামে বিএনপির সমাবেশে নেতা-কর্মীদের ঢল|bnp-rally-chattogram
economy|পেঁয়াজের দাম কমেছে কেজিতে ২০ টাকা|onion-price-falls
world|ভারতের উত্তরাখণ্ডে মেঘভাঙা বৃষ্টিতে প্রাণহানি|uttarakhand-cloudburst-deaths
world|বাংলাদেশ থেকে আমদানি বাড়াতে চায় ভুটান|bhutan-wants-more-imports-from-bangladesh
sports|প্রথম টেস্টে ১০ উইকেটে হার|first-test-ten-wicket-defeat
sports|ফুটবলের নতুন জাতীয় কোচ নিয়োগ|new-national-football-coach
entertainment|প্রয়াত অভিনেতার স্মরণে চলচ্চিত্র প্রদর্শনী|film-screening-memory-late-actor
national|রাজধানীর গুলিস্তানে হকার উচ্ছেদ অভিযান|dhaka-gulistan-hawker-eviction
national|ট্রাফিক নিয়ন্ত্রণে শিক্ষার্থীদের পাশে আনসার|dhaka-ansar-joins-students-traffic
national|ভূমি অফিসে অনলাইনে নামজারির আবেদন বেড়েছে|online-mutation-applications-rise
national|রোহিঙ্গা ক্যাম্পে অগ্নিকাণ্ডে পুড়েছে ৩০০ ঘর|rohingya-camp-fire
national|সেন্ট মার্টিনে পর্যটক যাতায়াতে নতুন বিধি|saint-martin-tourist-rules
"""

WB = """
kolkata|আর জি করের ঘটনায় রাতভর বিক্ষোভ, পথে নামল শহর|rg-kar-incident-overnight-protest
kolkata|মেট্রোর ভাড়া বাড়ছে না, জানাল কর্তৃপক্ষ|metro-fare-not-to-increase
kolkata|টানা বৃষ্টিতে জলমগ্ন উত্তর কলকাতার একাংশ|north-kolkata-waterlogged-rain
kolkata|পুজোর আগে ফুটপাত দখলমুক্ত করতে অভিযান পুরসভার|kmc-drive-against-pavement-encroachment
kolkata|শিয়ালদহ শাখায় লোকাল ট্রেন বাতিল রবিবার|sealdah-local-trains-cancelled-sunday
kolkata|ডেঙ্গি রুখতে বাড়ি বাড়ি সমীক্ষা শুরু|door-to-door-dengue-survey
kolkata|ইএম বাইপাসে দুর্ঘটনা, আহত তিন|em-bypass-accident-three-injured
kolkata|বইপাড়ায় পুরনো বইয়ের মেলা শুরু|college-street-old-book-fair
kolkata|হাওড়া ব্রিজে যান চলাচল নিয়ন্ত্রণ, ভোগান্তি|howrah-bridge-traffic-curbs
kolkata|জুনিয়র ডাক্তারদের কর্মবিরতি অব্যাহত|junior-doctors-ceasework-continues
kolkata|নিউ টাউনে নতুন সাইকেল ট্র্যাক|new-town-cycle-track
kolkata|গঙ্গার ঘাট সংস্কারে বরাদ্দ বাড়ল|ganga-ghat-renovation-funds
kolkata|শহরে অ্যাপ-ক্যাবের ভাড়া নিয়ে নতুন নির্দেশিকা|app-cab-fare-guidelines
kolkata|পার্ক স্ট্রিটে রেস্তরাঁয় আগুন, নিয়ন্ত্রণে দমকল|park-street-restaurant-fire
kolkata|ভিক্টোরিয়া মেমোরিয়ালে নতুন প্রদর্শনী|victoria-memorial-new-exhibition
kolkata|চিকিৎসকদের নিরাপত্তায় হাসপাতালে সিসিটিভি বাড়ানোর নির্দেশ|cctv-in-hospitals-for-doctors-safety
kolkata|কলকাতা বিমানবন্দরে বিদেশি মুদ্রা-সহ ধৃত যাত্রী|kolkata-airport-foreign-currency-seized
kolkata|ট্রাম চালু রাখার দাবিতে মিছিল|rally-to-save-trams
kolkata|সল্টলেকে জল সরবরাহ বন্ধ থাকবে শনিবার|salt-lake-water-supply-suspended
kolkata|গড়িয়াহাটে হকার পুনর্বাসনের পরিকল্পনা|gariahat-hawker-rehabilitation
bengal|উত্তরবঙ্গে ভারী বৃষ্টির সতর্কতা, ফুঁসছে তিস্তা|north-bengal-heavy-rain-teesta
bengal|দিঘায় সমুদ্রে নামায় নিষেধাজ্ঞা|digha-sea-bathing-ban
bengal|বর্ধমানে ধান রোয়ার কাজ পিছিয়ে|bardhaman-paddy-transplanting-delayed
bengal|মুর্শিদাবাদে গঙ্গার ভাঙনে ঘরছাড়া বহু পরিবার|murshidabad-ganga-erosion
bengal|দার্জিলিংয়ে ধসে বন্ধ জাতীয় সড়ক|darjeeling-landslide-highway-closed
bengal|ঘাটালে বন্যা পরিস্থিতি, নৌকায় যাতায়াত|ghatal-flood-boats
bengal|সুন্দরবনে মধু সংগ্রহে গিয়ে বাঘের হামলা|sundarbans-honey-collector-tiger-attack
bengal|শান্তিনিকেতনে পৌষমেলা নিয়ে বৈঠক|santiniketan-poush-mela-meeting
bengal|পুরুলিয়ায় নতুন সেচ প্রকল্প|purulia-irrigation-project
bengal|হুগলিতে চটকল বন্ধ, কর্মহীন শ্রমিকরা|hooghly-jute-mill-closed
bengal|জলপাইগুড়িতে হাতির হানা, ক্ষতিগ্রস্ত ফসল|jalpaiguri-elephant-raid
bengal|মালদহে আমের রপ্তানি বেড়েছে|malda-mango-exports-rise
bengal|নদিয়ায় স্কুলে মিড-ডে মিলে নতুন মেনু|nadia-mid-day-meal-menu
bengal|বাঁকুড়ায় টেরাকোটা শিল্পীদের প্রদর্শনী|bankura-terracotta-exhibition
bengal|কোচবিহারে রাস-মেলার প্রস্তুতি শুরু|cooch-behar-rash-mela
india|সংসদে ওয়াকফ বিল পাঠানো হল যৌথ কমিটিতে|waqf-bill-joint-committee
india|কেরলের ওয়েনাড়ে ধসে মৃতের সংখ্যা বাড়ল|wayanad-landslide-toll-rises
india|সুপ্রিম কোর্টে চিকিৎসকদের নিরাপত্তা নিয়ে শুনানি|supreme-court-doctors-safety-hearing
india|জম্মু-কাশ্মীরে তিন দফায় বিধানসভা ভোট|jammu-kashmir-three-phase-polls
india|বন্দে ভারতের নতুন রুট ঘোষণা|new-vande-bharat-routes
india|দিল্লিতে যমুনার জলস্তর বিপদসীমার কাছে|yamuna-near-danger-mark-delhi
india|ইউপিএসসি-তে ল্যাটারাল এন্ট্রির বিজ্ঞাপন প্রত্যাহার|upsc-lateral-entry-withdrawn
india|মহারাষ্ট্রে ভোটের আগে জোটের আসন রফা|maharashtra-seat-sharing
india|চন্দ্রযান-৪ প্রকল্পে সবুজ সঙ্কেত|chandrayaan-4-approved
india|অসমে বন্যায় ক্ষতিগ্রস্ত ১২ জেলা|assam-flood-12-districts
world|বাংলাদেশে অন্তর্বর্তী সরকারের এক সপ্তাহ|bangladesh-interim-government-one-week
world|গাজায় যুদ্ধবিরতির আলোচনা ফের শুরু|gaza-ceasefire-talks-resume
world|রাশিয়ার কুর্স্কে ইউক্রেনের সেনা|ukraine-troops-in-kursk
world|আমেরিকার প্রেসিডেন্ট নির্বাচনে বিতর্কের দিন ঘোষণা|us-presidential-debate-date
world|জাপানে ভূমিকম্পের পরে সুনামি সতর্কতা|japan-quake-tsunami-alert
world|পাকিস্তানে বন্যায় বিপর্যস্ত সিন্ধু প্রদেশ|sindh-flood-pakistan
world|নেপালে বাস দুর্ঘটনায় মৃত ভারতীয় পর্যটক|nepal-bus-accident-indian-tourists
sports|ডুরান্ড ডার্বি বাতিল, ক্ষুব্ধ সমর্থকেরা|durand-derby-cancelled
sports|মোহনবাগানের নতুন বিদেশি স্ট্রাইকার|mohun-bagan-new-foreign-striker
sports|ইস্টবেঙ্গলের কোচ বদলের জল্পনা|east-bengal-coach-change-speculation
sports|দলীপ ট্রফির দলে বাংলার তিন ক্রিকেটার|three-bengal-cricketers-duleep-trophy
sports|প্যারিস প্যারালিম্পিক্সে ভারতের দল ঘোষণা|india-paralympics-squad
sports|ইডেনে টেস্ট আয়োজনের সম্ভাবনা|eden-test-possibility
sports|মহমেডানের আইএসএল অভিষেকের প্রস্তুতি|mohammedan-isl-debut-preparation
sports|টেবিল টেনিসে রাজ্য চ্যাম্পিয়নশিপ শুরু|state-table-tennis-championship
entertainment|পুজোয় মুক্তি পাচ্ছে চারটি বাংলা ছবি|four-bengali-films-puja-release
entertainment|টলিপাড়ায় শুটিং বন্ধ রাখার সিদ্ধান্ত|tollygunge-shooting-halted
entertainment|নতুন ওয়েব সিরিজে জুটি বাঁধলেন দুই তারকা|new-web-series-pair
entertainment|নন্দনে চলচ্চিত্র উৎসবের প্রস্তুতি|nandan-film-festival-preparation
entertainment|শহরে ফিরছে নাট্যোৎসব|theatre-festival-returns
entertainment|সঙ্গীতশিল্পীর প্রয়াণে শোকের ছায়া|singer-death-mourning
business|সোনার দাম কমল দশ গ্রামে ৮০০ টাকা|gold-price-falls
business|সেনসেক্সে বড় উত্থান|sensex-surges
business|পেট্রল-ডিজেলের দাম অপরিবর্তিত|petrol-diesel-prices-unchanged
business|রাজ্যে নতুন শিল্পতালুকের ঘোষণা|new-industrial-park-announced
business|সুদের হার অপরিবর্তিত রাখল রিজ়ার্ভ ব্যাঙ্ক|rbi-keeps-rates-unchanged
lifestyle|বর্ষায় চুলের যত্নে ঘরোয়া টোটকা|monsoon-hair-care-tips
lifestyle|পুজোর কেনাকাটায় নতুন ট্রেন্ড|puja-shopping-trends
lifestyle|সপ্তাহান্তে ঘুরে আসুন ঝাড়গ্রাম|weekend-trip-jhargram
lifestyle|ইলিশের পাঁচ পদ|five-hilsa-recipes
lifestyle|শিশুর স্ক্রিন টাইম কমাবেন কী ভাবে|reduce-child-screen-time
opinion|নিরাপত্তা কেবল চিকিৎসকের নয়|safety-not-just-for-doctors
opinion|শহরের জল জমার দায়|who-owns-waterlogging
opinion|প্রতিবেশী দেশে পালাবদল ও আমরা|change-in-neighbour-and-us
opinion|ট্রাম: এক শহরের স্মৃতি|tram-a-citys-memory
kolkata|বেহালায় বহুতলে আগুন, উদ্ধার ১২ জন|behala-highrise-fire
kolkata|কলকাতা পুলিশের নতুন হেল্পলাইন|kolkata-police-new-helpline
bengal|শিলিগুড়িতে ভুয়ো কল সেন্টারের হদিস|siliguri-fake-call-centre
india|মণিপুরে ফের অশান্তি, বন্ধ ইন্টারনেট|manipur-unrest-internet-suspended
kolkata|ধর্মতলায় অবস্থান বিক্ষোভ চিকিৎসকদের|doctors-sit-in-esplanade
kolkata|কসবায় পুরনো বাড়ি ভেঙে মৃত এক|kasba-old-house-collapse
kolkata|শহরের পাঁচ উড়ালপুলে রাতে যান নিয়ন্ত্রণ|five-flyovers-night-traffic-curbs
kolkata|দক্ষিণ কলকাতায় জলের পাইপ ফেটে বিপত্তি|south-kolkata-water-pipe-burst
"""

EN = """
politics|BNP demands election roadmap within three months
politics|Reform commissions to hold talks with parties next week
politics|Jamaat registration case: Appellate Division sets hearing date
politics|Student leaders weigh launching a new political party
politics|Jatiya Party calls extended meeting on Saturday
politics|Constitution reform commission invites public opinion
politics|Parties split over holding local polls before national election
politics|Search committee formed to reconstitute Election Commission
politics|Left alliance forms human chain in front of National Press Club
politics|ACC seeks wealth statement of former minister
politics|Proposal to ease conditions for registering political parties
politics|BNP holds mass rally in Chattogram
politics|Gono Odhikar Parishad alleges attack on rally
politics|Former ruling party leaders face graft probe
politics|Interim government completes first week in office
politics|Parties agree on framework for dialogue with government
politics|BNP standing committee meets to review strategy
politics|EC seeks updated voter list before next polls
politics|Parties demand trial of those behind attacks on protesters
politics|Gonosamhati Andolan unveils reform proposals
politics|Jatiya Party faces split over leadership
politics|Islamic parties form new electoral alliance
politics|Party office in Dhaka remains shut for second week
politics|Students' movement announces nationwide convention
politics|Former MPs summoned by ACC over assets
politics|Civil society calls for time-bound reform agenda
bangladesh|Feni flood situation worsens as Muhuri rises above danger level
bangladesh|Waterlogging cripples Dhaka after heavy downpour
bangladesh|Metro rail services to resume on Sunday
bangladesh|Dengue: three more die, 412 hospitalised in 24 hours
bangladesh|15km tailback on Dhaka-Chattogram highway
bangladesh|Gomti embankment breach floods 20 villages in Cumilla
bangladesh|Shelters in Noakhali run short of food and clean water
bangladesh|Security tightened at Secretariat, new entry rules
bangladesh|Container backlog eases at Chattogram port
bangladesh|Flash flood inundates low-lying areas of Sunamganj
bangladesh|Fire at Gazipur factory brought under control
bangladesh|Passenger held with 2kg gold at Dhaka airport
bangladesh|Salinity destroys paddy seedlings in Khulna
bangladesh|Padma Bridge sees record toll collection in a day
bangladesh|Launch services suspended in Barishal as weather worsens
bangladesh|Teesta erosion swallows 50 homes in Rangpur
bangladesh|Landslide risk in Cox's Bazar amid heavy rain
bangladesh|Train derails in Mymensingh, rail link with Dhaka snapped
bangladesh|Fire guts 300 shelters at Rohingya camp
bangladesh|New rules for tourists visiting Saint Martin's Island
bangladesh|Hawkers evicted from Gulistan footpaths
bangladesh|Ansar members join students in managing traffic
bangladesh|Relief distributed among flood victims in Lakshmipur
bangladesh|Four killed in Bogura road crash
bangladesh|Imports through Benapole land port fall
bangladesh|Boat capsizes in Shitalakshya, two missing
bangladesh|Tea workers in Habiganj demand higher wages
bangladesh|Dharla flows above danger mark in Kurigram
bangladesh|Fishermen in Patuakhali return without hilsa
bangladesh|Cold storage fire in Dinajpur damages potatoes
bangladesh|Tangail handloom industry in slump
bangladesh|Chandpur hilsa prices soar
bangladesh|Online land mutation applications on the rise
business|Remittance hits $1.15b in first two weeks of August
business|Dollar rate stable, falls in kerb market
business|Rice prices up by Tk 4 a kg
business|Task force formed for banking sector reform
business|Garment export growth slows in July
business|DSE index rises for third straight day
business|Government fixes egg prices
business|Inflation eases to 11.5 percent
business|New LNG import deal signed
business|Policy on e-commerce consumer protection coming
business|Onion prices fall by Tk 20 a kg
business|Bhutan keen to import more from Bangladesh
world|Gaza ceasefire talks resume in Cairo
world|Fighting in Rakhine puts border on alert
world|Japan lifts tsunami advisory after strong quake
world|Economy dominates US election campaign
world|Protests continue in Kolkata over doctor's murder
world|Bus swept into river after landslide in Nepal
world|Tension in Russia's Kursk after Ukrainian incursion
world|Thailand's parliament elects new prime minister
world|Pakistan flood death toll crosses 100
world|WHO declares mpox a global health emergency
world|Cloudburst kills several in India's Uttarakhand
sports|Test squad for Pakistan tour announced, two pacers recalled
sports|Bangladesh beat Nepal in SAFF U-20 Championship
sports|Uncertainty over hosting Women's T20 World Cup
sports|New BCB president takes charge
sports|Domestic football transfer window opens in September
sports|Bangladeshi archer wins silver at Asian meet
sports|Bangladesh A clinch series against Sri Lanka A
sports|Hockey Asia Cup schedule announced
sports|Ten-wicket defeat in first Test
sports|Federation appoints new national football coach
opinion|Why flood preparedness cannot wait
opinion|The first steps on the road to reform
opinion|Our education system needs more than a quick fix
opinion|Who is responsible for Dhaka's waterlogging?
opinion|Youth, politics and the Bangladesh to come
opinion|Rebuilding trust in the police
opinion|The case for an independent Election Commission
entertainment|Three Bangla films set for Puja release
entertainment|New play premieres at Shilpakala Academy on Friday
entertainment|Two Bangladeshi films selected for international festival
entertainment|New thriller series coming to OTT
entertainment|Organisers cancel folk music festival
environment|Dhaka's air quality 'unhealthy' today
environment|Tiger numbers rise in Sundarbans
environment|Low pressure over Bay, ports told to hoist signal 3
environment|New drive to curb Buriganga pollution
health|Diarrhoea cases rising among children
health|Chikungunya outbreak in three Dhaka areas
tech|New spectrum auction to boost mobile internet speed
tech|Country's first data centre park opens
tech|New payment service for freelancers
tech|Draft amendment to Cyber Security Act published
education|Postponed HSC exams cancelled
education|Universities to reopen in first week of September
education|Primary teacher recruitment written test deferred
education|Medical admission test date announced
lifestyle|Five monsoon skincare tips
lifestyle|How to cook hilsa polao at home
"""

SUMMARY = {
    # BD
    "dhaka-waterlogging-after-heavy-rain":
        "সকাল থেকে থেমে থেমে বৃষ্টিতে মিরপুর, ধানমন্ডি ও মতিঝিলের বিভিন্ন "
        "সড়কে পানি জমে যায়। অফিসগামী মানুষকে পড়তে হয় চরম ভোগান্তিতে।",
    "feni-flood-situation-worsens":
        "মুহুরী ও কহুয়া নদীর পানি বিপৎসীমার ওপর দিয়ে প্রবাহিত হচ্ছে। "
        "ফুলগাজী ও পরশুরামে বহু গ্রাম তলিয়ে গেছে।",
    "metro-rail-to-resume-from-sunday":
        "ক্ষতিগ্রস্ত দুটি স্টেশন বাদে উত্তরা থেকে মতিঝিল পর্যন্ত ট্রেন চলবে।",
    "bnp-seeks-election-roadmap":
        "দলের মহাসচিব সংবাদ সম্মেলনে বলেন, সংস্কার ও নির্বাচন একসঙ্গে চলতে পারে।",
    "reform-commission-dialogue-next-week":
        "প্রথম দিনে নিবন্ধিত ১২টি দলকে আমন্ত্রণ জানানো হয়েছে।",
    "remittance-first-two-weeks-august":
        "বাংলাদেশ ব্যাংকের হালনাগাদ তথ্যে দেখা যায়, প্রবাসী আয় আগের মাসের তুলনায় বেড়েছে।",
    "gaza-ceasefire-talks-resume-cairo":
        "মিসর, কাতার ও যুক্তরাষ্ট্রের মধ্যস্থতায় নতুন প্রস্তাব নিয়ে আলোচনা চলছে।",
    "test-squad-for-pakistan-tour":
        "রাওয়ালপিন্ডিতে প্রথম টেস্ট শুরু ২১ আগস্ট। দলে নতুন মুখ একজন।",
    "dengue-three-more-deaths":
        "স্বাস্থ্য অধিদপ্তর জানিয়েছে, চলতি বছরে ডেঙ্গুতে মৃত্যু দাঁড়াল ৮৯ জনে।",
    "cumilla-gomti-embankment-breach":
        "রাত দুইটার দিকে বুড়িচং উপজেলার বুরবুরিয়া এলাকায় বাঁধ ভাঙে।",
    "hsc-postponed-exams-cancelled":
        "ফলাফল তৈরি হবে এসএসসি ও সমমানের পরীক্ষার ফলের ভিত্তিতে।",
    "why-flood-preparedness-matters":
        "পূর্বাভাস পাওয়ার পরও প্রস্তুতির ঘাটতি আমাদের ক্ষতি বাড়িয়েছে।",
    "chattogram-port-container-backlog-eases":
        "জেটিতে জাহাজের অপেক্ষার সময় চার দিন থেকে নেমে দুই দিনে এসেছে।",
    "sunamganj-flash-flood":
        "ছাতক ও দোয়ারাবাজারে সুরমার পানি বিপৎসীমার ওপরে।",
    "inflation-eases-to-11-5-percent":
        "খাদ্য মূল্যস্ফীতি কিছুটা কমলেও খাদ্যবহির্ভূত পণ্যে চাপ রয়ে গেছে।",
    # WB
    "rg-kar-incident-overnight-protest":
        "মধ্যরাতে শহরের নানা প্রান্তে মোমবাতি হাতে পথে নামেন হাজার হাজার মানুষ।",
    "metro-fare-not-to-increase":
        "পুজোর আগে ভাড়া বাড়ানোর জল্পনায় জল ঢালল মেট্রো রেল।",
    "north-kolkata-waterlogged-rain":
        "ঠনঠনিয়া, আমহার্স্ট স্ট্রিট ও মানিকতলায় হাঁটুজল।",
    "junior-doctors-ceasework-continues":
        "দাবি না মেটা পর্যন্ত আন্দোলন চলবে বলে জানিয়েছেন চিকিৎসকেরা।",
    "north-bengal-heavy-rain-teesta":
        "জলপাইগুড়ি ও আলিপুরদুয়ারে লাল সতর্কতা জারি করেছে আবহাওয়া দফতর।",
    "waqf-bill-joint-committee":
        "বিরোধীদের আপত্তিতে বিলটি ৩১ সদস্যের যৌথ সংসদীয় কমিটিতে গেল।",
    "durand-derby-cancelled":
        "নিরাপত্তার কারণ দেখিয়ে ম্যাচ বাতিল করল পুলিশ।",
    "four-bengali-films-puja-release":
        "বড় বাজেটের ছবির পাশাপাশি মুক্তি পাচ্ছে দুটি ছোট ছবিও।",
    "bangladesh-interim-government-one-week":
        "সংস্কার ও আইনশৃঙ্খলা ফেরানোই প্রধান চ্যালেঞ্জ বলে মনে করছেন বিশেষজ্ঞরা।",
    "gold-price-falls":
        "বিয়ের মরসুমের আগে দাম কমায় খুশি ক্রেতারা।",
    "sealdah-local-trains-cancelled-sunday":
        "রক্ষণাবেক্ষণের কাজের জন্য ৪৬টি লোকাল বাতিল থাকবে।",
    "safety-not-just-for-doctors":
        "কর্মস্থলে নিরাপত্তা প্রত্যেকের অধিকার, কোনও বিশেষ পেশার নয়।",
    # EN
    "bnp-demands-election-roadmap-within-three-months":
        "The party's secretary general told a press conference reforms and "
        "elections can go hand in hand.",
    "feni-flood-situation-worsens-as-muhuri-rises-above-danger-level":
        "Thousands are marooned in Fulgazi and Parshuram upazilas as the "
        "Muhuri and Kahua rivers swell.",
    "waterlogging-cripples-dhaka-after-heavy-downpour":
        "Commuters waded through knee-deep water in Mirpur, Dhanmondi and "
        "Motijheel.",
    "reform-commissions-to-hold-talks-with-parties-next-week":
        "Twelve registered parties have been invited to the first round.",
    "student-leaders-weigh-launching-a-new-political-party":
        "Coordinators say a decision will come after consultations across "
        "the country.",
    "remittance-hits-115b-in-first-two-weeks-of-august":
        "Inflows rose as expatriates returned to formal channels, central "
        "bank data shows.",
    "gaza-ceasefire-talks-resume-in-cairo":
        "Mediators from Egypt, Qatar and the US are pressing a new proposal.",
    "test-squad-for-pakistan-tour-announced-two-pacers-recalled":
        "The first Test begins in Rawalpindi on August 21.",
    "why-flood-preparedness-cannot-wait":
        "Forecasts came days ahead; the response did not.",
    "search-committee-formed-to-reconstitute-election-commission":
        "The six-member committee will propose names within 15 working days.",
    "interim-government-completes-first-week-in-office":
        "Restoring order and starting reforms top the agenda.",
    "jamaat-registration-case-appellate-division-sets-hearing-date":
        "The hearing will take place on September 1.",
    "metro-rail-services-to-resume-on-sunday":
        "Trains will run from Uttara to Motijheel, skipping two damaged "
        "stations.",
    "dengue-three-more-die-412-hospitalised-in-24-hours":
        "The death toll this year has risen to 89, the DGHS said.",
}
