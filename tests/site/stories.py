"""stories.py: the articles of the sample site, written by hand.

Two outlets cover the same days (16-18 August 2024): দৈনিক নমুনা (Dainik
Namuna, Bengali, Dhaka) and The Delta Courier (English, Dhaka).  Several
events are covered by both, with the same people, places and
organisations, so that tag's entities can be compared across languages.
The people are invented; places and organisations are real.

A story: id, sec (section), title, author, time (local, +06:00), summary,
body (paragraphs), tags.  Optional: slug (a path of its own), jsonld
(the page carries a NewsArticle JSON-LD block), updated (a later time
shown beside the first), charset (a legacy encoding for the page).
"""

DAINIK = [
    dict(id=50101, sec="national", jsonld=True,
         title="ফেনীতে বন্যা পরিস্থিতির অবনতি, পানিবন্দী লাখো মানুষ",
         author="ফেনী প্রতিনিধি", time="2024-08-17T11:46",
         summary="মুহুরী ও কহুয়া নদীর পানি বিপৎসীমার ওপর দিয়ে প্রবাহিত হচ্ছে। "
                 "ফুলগাজী ও পরশুরামে বহু গ্রাম তলিয়ে গেছে।",
         tags=["বন্যা", "ফেনী"],
         body=[
             "টানা বৃষ্টি ও ভারতের ত্রিপুরা থেকে নেমে আসা পাহাড়ি ঢলে ফেনীর বন্যা "
             "পরিস্থিতির আরও অবনতি হয়েছে। মুহুরী, কহুয়া ও সিলোনিয়া নদীর পানি "
             "বিপৎসীমার ওপর দিয়ে প্রবাহিত হচ্ছে। জেলার ফুলগাজী ও পরশুরাম উপজেলার "
             "অন্তত ৮০টি গ্রাম তলিয়ে গেছে।",
             "ফেনীর জেলা প্রশাসক মোহাম্মদ সেলিম রেজা শনিবার সকালে সাংবাদিকদের "
             "বলেন, জেলায় প্রায় দেড় লাখ মানুষ পানিবন্দী হয়ে পড়েছেন। তাঁদের জন্য "
             "১১২টি আশ্রয়কেন্দ্র খোলা হয়েছে এবং সেনাবাহিনী ও কোস্টগার্ড উদ্ধারকাজে "
             "যোগ দিয়েছে।",
             "বাংলাদেশ পানি উন্নয়ন বোর্ডের (পাউবো) ফেনীর নির্বাহী প্রকৌশলী আবুল "
             "কাশেম জানান, মুহুরী নদীর বাঁধের অন্তত ১২টি স্থানে ভাঙন দেখা দিয়েছে। "
             "পানি কমতে শুরু না করা পর্যন্ত ভাঙন মেরামত সম্ভব নয়।",
             "ফুলগাজীর দরবারপুর গ্রামের বাসিন্দা রহিমা বেগম বলেন, ‘রাতে হঠাৎ "
             "ঘরে পানি ঢুকে পড়ে। কিছুই নিয়ে বের হতে পারিনি। দুই দিন ধরে "
             "স্কুলঘরে আছি।’",
             "আবহাওয়া অধিদপ্তর জানিয়েছে, আগামী ২৪ ঘণ্টায় চট্টগ্রাম বিভাগে ভারী "
             "থেকে অতি ভারী বৃষ্টি হতে পারে।"]),
    dict(id=50102, sec="national",
         title="রাজধানীতে টানা বৃষ্টিতে জলাবদ্ধতা, ভোগান্তিতে নগরবাসী",
         author="নিজস্ব প্রতিবেদক", time="2024-08-17T10:20",
         summary="মিরপুর, ধানমন্ডি ও মতিঝিলের বিভিন্ন সড়কে হাঁটুপানি জমে যায়।",
         tags=["ঢাকা", "জলাবদ্ধতা"],
         body=[
             "সকাল থেকে থেমে থেমে বৃষ্টিতে রাজধানীর মিরপুর, ধানমন্ডি, মতিঝিল ও "
             "শান্তিনগরের বিভিন্ন সড়কে পানি জমে যায়। অফিসগামী মানুষকে চরম "
             "ভোগান্তিতে পড়তে হয়।",
             "ঢাকা উত্তর সিটি করপোরেশনের প্রধান প্রকৌশলী তানভীর হোসেন বলেন, "
             "তিন ঘণ্টায় ৯০ মিলিমিটারের বেশি বৃষ্টি হয়েছে। নালাগুলো এত পানি "
             "একসঙ্গে সরাতে পারছে না।",
             "আবহাওয়াবিদ মো. ওমর ফারুক জানান, রোববারও ঢাকায় মাঝারি থেকে ভারী "
             "বৃষ্টির সম্ভাবনা রয়েছে।"]),
    dict(id=50103, sec="national",
         title="মেট্রোরেল চলাচল আবার শুরু হচ্ছে রোববার থেকে",
         author="নিজস্ব প্রতিবেদক", time="2024-08-17T09:05",
         summary="ক্ষতিগ্রস্ত দুটি স্টেশন বাদে উত্তরা থেকে মতিঝিল পর্যন্ত ট্রেন চলবে।",
         tags=["মেট্রোরেল", "ঢাকা"],
         body=[
             "টানা কয়েক সপ্তাহ বন্ধ থাকার পর রোববার থেকে আবার মেট্রোরেল চলাচল "
             "শুরু হচ্ছে। ঢাকা ম্যাস ট্রানজিট কোম্পানি লিমিটেড (ডিএমটিসিএল) "
             "শনিবার এক বিজ্ঞপ্তিতে এ তথ্য জানিয়েছে।",
             "ডিএমটিসিএলের ব্যবস্থাপনা পরিচালক মাহবুবুর রহমান বলেন, মিরপুর-১০ "
             "ও কাজীপাড়া স্টেশন মেরামতের কাজ শেষ না হওয়া পর্যন্ত সেখানে ট্রেন "
             "থামবে না। অন্য স্টেশনগুলো সকাল সাতটা থেকে রাত নয়টা পর্যন্ত খোলা "
             "থাকবে।",
             "যাত্রীদের এমআরটি পাস ও র‍্যাপিড পাস আগের মতোই ব্যবহার করা যাবে।"]),
    dict(id=50104, sec="national",
         title="ডেঙ্গুতে আরও তিনজনের মৃত্যু, হাসপাতালে ভর্তি ৪১২",
         author="নিজস্ব প্রতিবেদক", time="2024-08-16T20:30",
         summary="চলতি বছরে ডেঙ্গুতে মৃত্যু দাঁড়াল ৮৯ জনে।",
         tags=["ডেঙ্গু", "স্বাস্থ্য"],
         body=[
             "ডেঙ্গু আক্রান্ত হয়ে গত ২৪ ঘণ্টায় দেশে আরও তিনজনের মৃত্যু হয়েছে। "
             "এ সময়ে হাসপাতালে ভর্তি হয়েছেন ৪১২ জন। স্বাস্থ্য অধিদপ্তরের "
             "নিয়মিত বিজ্ঞপ্তিতে এ তথ্য জানানো হয়।",
             "নতুন ভর্তি রোগীদের মধ্যে ঢাকার বাইরে ২৩১ জন। চট্টগ্রাম ও বরিশাল "
             "বিভাগে রোগী বেশি পাওয়া যাচ্ছে।",
             "চলতি বছরের ১ জানুয়ারি থেকে এ পর্যন্ত ডেঙ্গুতে ৮৯ জনের মৃত্যু "
             "হয়েছে।"]),
    dict(id=50105, sec="national",
         title="কুমিল্লায় গোমতীর বাঁধ ভেঙে প্লাবিত ২০ গ্রাম",
         author="কুমিল্লা প্রতিনিধি", time="2024-08-17T08:15",
         summary="রাত দুইটার দিকে বুড়িচং উপজেলার বুরবুরিয়া এলাকায় বাঁধ ভাঙে।",
         tags=["বন্যা", "কুমিল্লা"],
         body=[
             "কুমিল্লার বুড়িচং উপজেলায় গোমতী নদীর বাঁধ ভেঙে অন্তত ২০টি গ্রাম "
             "প্লাবিত হয়েছে। শুক্রবার রাত দুইটার দিকে বুরবুরিয়া এলাকায় বাঁধের "
             "প্রায় ৩০ ফুট অংশ ভেঙে যায়।",
             "বুড়িচং উপজেলা নির্বাহী কর্মকর্তা সাবরিনা আক্তার বলেন, আশপাশের "
             "গ্রামের মানুষকে আশ্রয়কেন্দ্রে সরিয়ে নেওয়া হচ্ছে। শুকনা খাবার ও "
             "বিশুদ্ধ পানি পাঠানো হয়েছে।"]),
    dict(id=50106, sec="national",
         title="নোয়াখালীতে আশ্রয়কেন্দ্রে খাবার ও বিশুদ্ধ পানির সংকট",
         author="নোয়াখালী প্রতিনিধি", time="2024-08-16T18:40",
         summary="জেলার ৮টি উপজেলায় দুই লাখের বেশি মানুষ পানিবন্দী।",
         tags=["বন্যা", "নোয়াখালী"],
         body=[
             "নোয়াখালীর বেগমগঞ্জ, সেনবাগ ও চাটখিলের আশ্রয়কেন্দ্রগুলোতে খাবার ও "
             "বিশুদ্ধ পানির সংকট দেখা দিয়েছে। অনেক কেন্দ্রে ধারণক্ষমতার দ্বিগুণ "
             "মানুষ উঠেছেন।",
             "নোয়াখালীর সিভিল সার্জন ডা. মাসুদুর রহমান জানান, ডায়রিয়া ও চর্মরোগ "
             "ছড়িয়ে পড়ার আশঙ্কায় ৫০টি মেডিকেল টিম কাজ করছে।",
             "ব্র্যাক ও বিদ্যানন্দ ফাউন্ডেশনের স্বেচ্ছাসেবকেরা শুক্রবার রান্না করা "
             "খাবার বিতরণ করেছেন।"]),
    dict(id=50107, sec="national",
         title="চট্টগ্রাম বন্দরে কনটেইনার জট কমেছে",
         author="চট্টগ্রাম ব্যুরো", time="2024-08-16T15:10",
         summary="জেটিতে জাহাজের অপেক্ষার সময় চার দিন থেকে নেমে দুই দিনে এসেছে।",
         tags=["চট্টগ্রাম বন্দর"],
         body=[
             "চট্টগ্রাম বন্দরে কনটেইনার জট কমতে শুরু করেছে। বন্দর কর্তৃপক্ষের "
             "হিসাবে, বৃহস্পতিবার বন্দরে ৩৮ হাজার একক কনটেইনার ছিল, যা এক "
             "সপ্তাহ আগে ছিল ৪৪ হাজার।",
             "চট্টগ্রাম বন্দর কর্তৃপক্ষের সচিব ওমর ফারুক বলেন, শুক্রবারও "
             "কনটেইনার খালাস চলেছে।"]),
    dict(id=50108, sec="national",
         title="বঙ্গোপসাগরে লঘুচাপ, সমুদ্রবন্দরে ৩ নম্বর সংকেত",
         author="নিজস্ব প্রতিবেদক", time="2024-08-17T07:30",
         summary="মাছ ধরার নৌকা ও ট্রলারকে উপকূলের কাছাকাছি থাকতে বলা হয়েছে।",
         tags=["আবহাওয়া"],
         body=[
             "উত্তর বঙ্গোপসাগরে একটি লঘুচাপ সৃষ্টি হয়েছে। এর প্রভাবে চট্টগ্রাম, "
             "কক্সবাজার, মোংলা ও পায়রা সমুদ্রবন্দরকে ৩ নম্বর স্থানীয় সতর্ক "
             "সংকেত দেখাতে বলা হয়েছে।",
             "আবহাওয়াবিদ মো. ওমর ফারুক জানান, লঘুচাপটি আরও ঘনীভূত হতে পারে। "
             "উপকূলীয় জেলাগুলোতে ভারী বৃষ্টি হতে পারে।"]),
    dict(id=50109, sec="national",
         title="সিলেটে পাহাড়ি ঢলে সুনামগঞ্জের নিম্নাঞ্চল প্লাবিত",
         author="সুনামগঞ্জ প্রতিনিধি", time="2024-08-16T12:00",
         summary="ছাতক ও দোয়ারাবাজারে সুরমার পানি বিপৎসীমার ওপরে।",
         tags=["বন্যা", "সুনামগঞ্জ"],
         body=[
             "ভারতের মেঘালয় থেকে নেমে আসা ঢলে সুনামগঞ্জের ছাতক, দোয়ারাবাজার ও "
             "তাহিরপুরের নিম্নাঞ্চল প্লাবিত হয়েছে। সুরমা নদীর পানি ছাতক পয়েন্টে "
             "বিপৎসীমার ৩২ সেন্টিমিটার ওপর দিয়ে বইছে।",
             "সুনামগঞ্জ পাউবোর নির্বাহী প্রকৌশলী মামুন হাওলাদার বলেন, বৃষ্টি "
             "থামলে পানি দ্রুত নেমে যাবে।"]),
    dict(id=50110, sec="politics", jsonld=True,
         title="সংস্কার কমিশনের সঙ্গে দলগুলোর সংলাপ শুরু আগামী সপ্তাহে",
         author="নিজস্ব প্রতিবেদক", time="2024-08-17T11:10",
         summary="প্রথম দিনে নিবন্ধিত ১২টি দলকে আমন্ত্রণ জানানো হয়েছে।",
         tags=["সংস্কার", "রাজনীতি"],
         body=[
             "রাষ্ট্র সংস্কারের প্রস্তাব নিয়ে রাজনৈতিক দলগুলোর সঙ্গে সংলাপ শুরু "
             "হচ্ছে আগামী সপ্তাহে। সংস্কার কমিশনের সদস্যসচিব শাহনাজ পারভীন "
             "শনিবার সচিবালয়ে সাংবাদিকদের এ কথা জানান।",
             "তিনি বলেন, প্রথম দিনে নির্বাচন কমিশনে নিবন্ধিত ১২টি দলকে আমন্ত্রণ "
             "জানানো হয়েছে। পরে নাগরিক সমাজ, শিক্ষক ও পেশাজীবীদের সঙ্গে আলাদা "
             "বৈঠক হবে।",
             "সংলাপ হবে রাজধানীর ফরেন সার্ভিস একাডেমিতে।"]),
    dict(id=50111, sec="politics",
         title="নির্বাচনী রোডম্যাপ চেয়েছে বিএনপি",
         author="নিজস্ব প্রতিবেদক", time="2024-08-17T10:00",
         summary="সংস্কার ও নির্বাচন একসঙ্গে চলতে পারে বলে মনে করে দলটি।",
         tags=["বিএনপি", "নির্বাচন"],
         body=[
             "জাতীয় নির্বাচনের একটি সুনির্দিষ্ট রোডম্যাপ ঘোষণার দাবি জানিয়েছে "
             "বিএনপি। শনিবার নয়াপল্টনে দলের কেন্দ্রীয় কার্যালয়ে সংবাদ সম্মেলনে "
             "এ দাবি জানানো হয়।",
             "দলের মহাসচিব বলেন, সংস্কার ও নির্বাচনের প্রস্তুতি একসঙ্গে চলতে "
             "পারে। দীর্ঘ সময় অনির্বাচিত সরকার থাকা দেশের জন্য ভালো নয়।"]),
    dict(id=50112, sec="politics",
         title="নির্বাচন কমিশন পুনর্গঠনে সার্চ কমিটি",
         author="নিজস্ব প্রতিবেদক", time="2024-08-16T21:15",
         summary="ছয় সদস্যের কমিটি ১৫ কার্যদিবসের মধ্যে নাম প্রস্তাব করবে।",
         tags=["নির্বাচন কমিশন"],
         body=[
             "নির্বাচন কমিশন পুনর্গঠনে ছয় সদস্যের সার্চ কমিটি গঠন করা হয়েছে। "
             "আপিল বিভাগের বিচারপতি আবদুল মতিনকে কমিটির প্রধান করা হয়েছে।",
             "মন্ত্রিপরিষদ বিভাগের প্রজ্ঞাপনে বলা হয়, কমিটি ১৫ কার্যদিবসের মধ্যে "
             "প্রধান নির্বাচন কমিশনার ও কমিশনার পদে নাম প্রস্তাব করবে।"]),
    dict(id=50113, sec="politics",
         title="ছাত্র আন্দোলনের নেতারা নতুন দল গঠনের কথা ভাবছেন",
         author="রাশেদ করিম", time="2024-08-16T19:00",
         summary="সারা দেশে মতবিনিময়ের পর সিদ্ধান্ত আসবে বলে জানিয়েছেন সমন্বয়কেরা।",
         tags=["ছাত্র আন্দোলন", "রাজনীতি"],
         body=[
             "বৈষম্যবিরোধী ছাত্র আন্দোলনের নেতারা নতুন রাজনৈতিক দল গঠনের কথা "
             "ভাবছেন। তবে এখনই কোনো সিদ্ধান্ত হয়নি বলে জানিয়েছেন আন্দোলনের "
             "সমন্বয়ক আরিফুল ইসলাম।",
             "ঢাকা বিশ্ববিদ্যালয়ের টিএসসিতে শুক্রবার এক মতবিনিময় সভায় তিনি বলেন, "
             "‘আমরা আগে সারা দেশের শিক্ষার্থীদের মত জানতে চাই।’"]),
    dict(id=50114, sec="politics",
         title="বাম জোটের মানববন্ধন প্রেসক্লাবের সামনে",
         author="নিজস্ব প্রতিবেদক", time="2024-08-16T13:30",
         summary="দ্রব্যমূল্য নিয়ন্ত্রণ ও সংস্কারের রূপরেখা দাবি।",
         tags=["রাজনীতি"],
         body=[
             "দ্রব্যমূল্য নিয়ন্ত্রণ ও সংস্কারের রূপরেখা ঘোষণার দাবিতে জাতীয় "
             "প্রেসক্লাবের সামনে মানববন্ধন করেছে বাম গণতান্ত্রিক জোট।",
             "মানববন্ধনে বক্তারা বলেন, বাজারে চাল, ডাল ও ডিমের দাম সাধারণ মানুষের "
             "নাগালের বাইরে চলে গেছে।"]),
    dict(id=50115, sec="politics",
         title="চট্টগ্রামে বিএনপির সমাবেশে নেতা-কর্মীদের ঢল",
         author="চট্টগ্রাম ব্যুরো", time="2024-08-16T17:45",
         summary="নগরের কাজীর দেউড়ি মোড়ে সমাবেশ হয়।",
         tags=["বিএনপি", "চট্টগ্রাম"],
         body=[
             "চট্টগ্রাম নগরের কাজীর দেউড়ি মোড়ে শুক্রবার বিকেলে বিএনপির সমাবেশ "
             "হয়েছে। দুপুর থেকেই বিভিন্ন উপজেলা থেকে নেতা-কর্মীরা মিছিল নিয়ে "
             "সমাবেশে যোগ দেন।",
             "সমাবেশে বক্তারা দ্রুত নির্বাচনের দাবি জানান।"]),
    dict(id=50116, sec="politics",
         title="জাতীয় পার্টির বর্ধিত সভা শনিবার",
         author="নিজস্ব প্রতিবেদক", time="2024-08-15T20:00",
         summary="দলের ভবিষ্যৎ কর্মপন্থা ঠিক করা হবে।",
         tags=["জাতীয় পার্টি"],
         body=[
             "জাতীয় পার্টির বর্ধিত সভা শনিবার রাজধানীর বনানীতে দলের চেয়ারম্যানের "
             "কার্যালয়ে অনুষ্ঠিত হবে। সভায় দলের ভবিষ্যৎ কর্মপন্থা ঠিক করা হবে।",
             "দলের দপ্তর সম্পাদক এক বিজ্ঞপ্তিতে এ তথ্য জানান।"]),
    dict(id=50117, sec="economy", jsonld=True,
         title="রেমিট্যান্সে আগস্টের প্রথম দুই সপ্তাহে ১১৫ কোটি ডলার",
         author="নিজস্ব প্রতিবেদক", time="2024-08-17T09:40",
         summary="প্রবাসী আয় আগের মাসের একই সময়ের তুলনায় বেড়েছে।",
         tags=["রেমিট্যান্স", "বাংলাদেশ ব্যাংক"],
         body=[
             "চলতি আগস্টের প্রথম দুই সপ্তাহে প্রবাসীরা ১১৫ কোটি ডলার দেশে "
             "পাঠিয়েছেন। বাংলাদেশ ব্যাংকের হালনাগাদ তথ্যে এ চিত্র দেখা গেছে।",
             "বাংলাদেশ ব্যাংকের মুখপাত্র নাসির উদ্দিন বলেন, হুন্ডির বদলে বৈধ পথে "
             "টাকা পাঠানো বেড়েছে। সৌদি আরব, সংযুক্ত আরব আমিরাত ও যুক্তরাষ্ট্র "
             "থেকে সবচেয়ে বেশি রেমিট্যান্স এসেছে।"]),
    dict(id=50118, sec="economy",
         title="চালের দাম কেজিতে বেড়েছে ৪ টাকা",
         author="নিজস্ব প্রতিবেদক", time="2024-08-16T16:20",
         summary="কারওয়ান বাজারে মোটা চাল বিক্রি হচ্ছে ৫৬ থেকে ৫৮ টাকায়।",
         tags=["বাজার"],
         body=[
             "এক সপ্তাহের ব্যবধানে রাজধানীর বাজারে সব ধরনের চালের দাম কেজিতে "
             "৩ থেকে ৪ টাকা বেড়েছে। কারওয়ান বাজারে মোটা চাল বিক্রি হচ্ছে ৫৬ থেকে "
             "৫৮ টাকায়।",
             "ট্রেডিং করপোরেশন অব বাংলাদেশের (টিসিবি) তথ্যও দাম বাড়ার কথা "
             "বলছে।"]),
    dict(id=50119, sec="economy",
         title="ডিমের দাম বেঁধে দিল সরকার",
         author="নিজস্ব প্রতিবেদক", time="2024-08-15T18:00",
         summary="খুচরায় প্রতিটি ডিম ১২ টাকার বেশি দামে বিক্রি করা যাবে না।",
         tags=["বাজার"],
         body=[
             "খুচরা বাজারে প্রতিটি ডিমের দাম সর্বোচ্চ ১২ টাকা বেঁধে দিয়েছে "
             "বাণিজ্য মন্ত্রণালয়। উৎপাদক পর্যায়ে দাম হবে সাড়ে ১০ টাকা।",
             "জাতীয় ভোক্তা-অধিকার সংরক্ষণ অধিদপ্তর বাজারে অভিযান চালাবে।"]),
    dict(id=50120, sec="sports",
         title="পাকিস্তান সফরের দল ঘোষণা, ফিরলেন দুই পেসার",
         author="ক্রীড়া প্রতিবেদক", time="2024-08-17T12:30",
         summary="রাওয়ালপিন্ডিতে প্রথম টেস্ট শুরু ২১ আগস্ট।",
         tags=["ক্রিকেট", "বিসিবি"],
         body=[
             "পাকিস্তান সফরের টেস্ট দল ঘোষণা করেছে বাংলাদেশ ক্রিকেট বোর্ড (বিসিবি)। "
             "চোট কাটিয়ে দলে ফিরেছেন দুই পেসার।",
             "বিসিবির প্রধান নির্বাচক হাবিবুল আলম বলেন, ‘পাকিস্তানের উইকেটে পেস "
             "আক্রমণ গুরুত্বপূর্ণ হবে।’ রাওয়ালপিন্ডিতে প্রথম টেস্ট শুরু ২১ আগস্ট, "
             "দ্বিতীয়টি করাচিতে।"]),
    dict(id=50121, sec="sports",
         title="সাফ অনূর্ধ্ব-২০ চ্যাম্পিয়নশিপে বাংলাদেশের জয়",
         author="ক্রীড়া প্রতিবেদক", time="2024-08-16T22:10",
         summary="নেপালকে ২-১ গোলে হারিয়েছে বাংলাদেশ।",
         tags=["ফুটবল"],
         body=[
             "সাফ অনূর্ধ্ব-২০ চ্যাম্পিয়নশিপে নেপালকে ২-১ গোলে হারিয়েছে বাংলাদেশ। "
             "কাঠমান্ডুর দশরথ স্টেডিয়ামে শুক্রবার রাতে খেলাটি হয়।",
             "বাংলাদেশের পরের ম্যাচ সোমবার ভারতের বিপক্ষে।"]),
    dict(id=50122, sec="opinion", slug="বন্যা-মোকাবিলায়-আগাম-প্রস্তুতি",
         title="বন্যা মোকাবিলায় আগাম প্রস্তুতি কেন জরুরি",
         author="ফারহানা ইসলাম", time="2024-08-16T08:00",
         summary="পূর্বাভাস পাওয়ার পরও প্রস্তুতির ঘাটতি আমাদের ক্ষতি বাড়িয়েছে।",
         tags=["বন্যা", "মতামত"],
         body=[
             "ফেনী, কুমিল্লা ও নোয়াখালীর বন্যা আবার মনে করিয়ে দিল, পূর্বাভাস "
             "থাকলেও আমরা প্রস্তুত থাকি না। আশ্রয়কেন্দ্রের সংখ্যা, নৌকা ও "
             "শুকনা খাবারের মজুত আগেভাগে নিশ্চিত করা যেত।",
             "বাংলাদেশ পানি উন্নয়ন বোর্ড ও দুর্যোগ ব্যবস্থাপনা অধিদপ্তরের মধ্যে "
             "সমন্বয় বাড়ানো দরকার। স্থানীয় সরকারকেও এ কাজে যুক্ত করতে হবে।",
             "লেখক: পরিবেশ গবেষক"]),
]

# State 2 (tests/site/update/): new articles, and one edited.
DAINIK_NEW = [
    dict(id=50123, sec="national",
         title="ফেনীতে পানি কমতে শুরু করেছে, বাড়ছে দুর্ভোগ",
         author="ফেনী প্রতিনিধি", time="2024-08-18T09:00",
         summary="আশ্রয়কেন্দ্র থেকে ঘরে ফিরতে পারছেন না অনেকে।",
         tags=["বন্যা", "ফেনী"],
         body=[
             "ফেনীর ফুলগাজী ও পরশুরামে বন্যার পানি কমতে শুরু করেছে। তবে ঘরবাড়ি "
             "ও রাস্তা ভেঙে যাওয়ায় অনেকে আশ্রয়কেন্দ্র থেকে ফিরতে পারছেন না।",
             "জেলা প্রশাসক মোহাম্মদ সেলিম রেজা বলেন, মুহুরী নদীর বাঁধ মেরামতের "
             "কাজ সোমবার শুরু হবে।"]),
    dict(id=50124, sec="politics",
         title="সংস্কার কমিশনের প্রথম বৈঠক সোমবার",
         author="নিজস্ব প্রতিবেদক", time="2024-08-18T10:15",
         summary="বৈঠকে সংলাপের সূচি চূড়ান্ত হবে।",
         tags=["সংস্কার"],
         body=[
             "সংস্কার কমিশনের প্রথম আনুষ্ঠানিক বৈঠক সোমবার সকালে হবে। কমিশনের "
             "সদস্যসচিব শাহনাজ পারভীন জানান, বৈঠকে দলগুলোর সঙ্গে সংলাপের সূচি "
             "চূড়ান্ত করা হবে।"]),
]

# 50101 as it stands after the edit: a later figure, a new paragraph.
DAINIK_EDIT = {
    50101: dict(
        updated="2024-08-18T08:30",
        title="ফেনীতে বন্যা পরিস্থিতির অবনতি, পানিবন্দী দুই লাখ মানুষ",
        body_add=[
            "শনিবার রাত পর্যন্ত পানিবন্দী মানুষের সংখ্যা দুই লাখ ছাড়িয়েছে বলে "
            "জানিয়েছে জেলা প্রশাসন। নৌবাহিনীর দুটি দল রোববার ভোরে উদ্ধারকাজে "
            "যোগ দিয়েছে।"]),
}

COURIER = [
    dict(id=2101, sec="bangladesh", jsonld=True,
         title="Feni flood situation worsens as Muhuri rises above danger "
               "level",
         author="Our Correspondent, Feni", time="2024-08-17T12:05",
         summary="Thousands are marooned in Fulgazi and Parshuram as the "
                 "Muhuri and Kahua rivers swell.",
         tags=["flood", "Feni"],
         body=[
             "The flood situation in Feni deteriorated further on Saturday as "
             "the Muhuri, Kahua and Silonia rivers flowed above the danger "
             "level, inundating at least 80 villages in Fulgazi and "
             "Parshuram upazilas.",
             "Feni Deputy Commissioner Mohammad Salim Reza said around 1.5 "
             "lakh people were marooned. “We have opened 112 shelters, and "
             "the army and the coast guard have joined the rescue,” he told "
             "reporters.",
             "Abul Kashem, executive engineer of the Bangladesh Water "
             "Development Board (BWDB) in Feni, said the Muhuri embankment had "
             "been breached at 12 points.",
             "The Bangladesh Meteorological Department forecast heavy to very "
             "heavy rain in Chattogram division over the next 24 hours."]),
    dict(id=2102, sec="bangladesh",
         title="Waterlogging cripples Dhaka after heavy downpour",
         author="Staff Correspondent", time="2024-08-17T10:45",
         summary="Commuters waded through knee-deep water in Mirpur, "
                 "Dhanmondi and Motijheel.",
         tags=["Dhaka", "waterlogging"],
         body=[
             "Heavy rain since morning left large parts of Mirpur, Dhanmondi, "
             "Motijheel and Shantinagar under knee-deep water, leaving "
             "office-goers stranded.",
             "Tanvir Hossain, chief engineer of Dhaka North City Corporation "
             "(DNCC), said more than 90mm of rain fell in three hours, more "
             "than the drains could carry.",
             "Meteorologist Md Omar Faruk said moderate to heavy rain was "
             "likely in Dhaka on Sunday as well."]),
    dict(id=2103, sec="bangladesh",
         title="Metro rail services to resume on Sunday",
         author="Staff Correspondent", time="2024-08-17T09:30",
         summary="Trains will run from Uttara to Motijheel, skipping two "
                 "damaged stations.",
         tags=["metro rail", "Dhaka"],
         body=[
             "Metro rail services in Dhaka will resume on Sunday after a "
             "weeks-long suspension, Dhaka Mass Transit Company Limited "
             "(DMTCL) said in a statement on Saturday.",
             "DMTCL Managing Director Mahbubur Rahman said trains would not "
             "stop at Mirpur-10 and Kazipara until repairs there were "
             "complete."]),
    dict(id=2104, sec="bangladesh",
         title="Gomti embankment breach floods 20 villages in Cumilla",
         author="Our Correspondent, Cumilla", time="2024-08-17T08:50",
         summary="The embankment gave way at Burburia in Burichang upazila "
                 "around 2am.",
         tags=["flood", "Cumilla"],
         body=[
             "At least 20 villages in Cumilla's Burichang upazila were "
             "flooded after a 30-foot section of the Gomti river embankment "
             "collapsed at Burburia around 2am on Saturday.",
             "Burichang Upazila Nirbahi Officer Sabrina Akter said residents "
             "were being moved to shelters."]),
    dict(id=2105, sec="bangladesh",
         title="Shelters in Noakhali run short of food and clean water",
         author="Nusrat Jahan", time="2024-08-16T19:20",
         summary="Many shelters hold twice as many people as they were "
                 "built for.",
         tags=["flood", "Noakhali"],
         body=[
             "Shelters in Noakhali's Begumganj, Senbagh and Chatkhil upazilas "
             "are running short of food and drinking water as more people "
             "arrive from flooded villages.",
             "Noakhali Civil Surgeon Dr Masudur Rahman said 50 medical teams "
             "were working to prevent outbreaks of diarrhoea and skin "
             "disease.",
             "Volunteers from BRAC and Bidyanondo Foundation distributed "
             "cooked food on Friday."]),
    dict(id=2106, sec="bangladesh",
         title="Low pressure over Bay, ports told to hoist signal 3",
         author="Staff Correspondent", time="2024-08-17T07:50",
         summary="Fishing boats and trawlers have been asked to stay close "
                 "to the coast.",
         tags=["weather"],
         body=[
             "A low pressure has formed over the north Bay of Bengal, and the "
             "maritime ports of Chattogram, Cox's Bazar, Mongla and Payra "
             "have been asked to hoist local cautionary signal number three.",
             "Meteorologist Md Omar Faruk said the system could intensify "
             "further."]),
    dict(id=2107, sec="bangladesh",
         title="Dengue: three more die, 412 hospitalised in 24 hours",
         author="Staff Correspondent", time="2024-08-16T20:45",
         summary="The death toll this year has risen to 89, the DGHS said.",
         tags=["dengue", "health"],
         body=[
             "Three more people died of dengue in the 24 hours to Friday "
             "morning, and 412 were hospitalised, according to the "
             "Directorate General of Health Services (DGHS).",
             "This year's death toll now stands at 89."]),
    dict(id=2108, sec="politics", jsonld=True,
         title="Reform commissions to hold talks with parties next week",
         author="Tanvir Ahmed", time="2024-08-17T11:30",
         summary="Twelve registered parties have been invited to the first "
                 "round.",
         tags=["reform", "politics"],
         body=[
             "Talks between the reform commissions and political parties will "
             "begin next week, commission member secretary Shahnaz Parvin "
             "told reporters at the Secretariat on Saturday.",
             "Twelve parties registered with the Election Commission have "
             "been invited to the first round, to be held at the Foreign "
             "Service Academy in Dhaka."]),
    dict(id=2109, sec="politics",
         title="Search committee formed to reconstitute Election Commission",
         author="Staff Correspondent", time="2024-08-16T21:40",
         summary="The six-member committee will propose names within 15 "
                 "working days.",
         tags=["Election Commission"],
         body=[
             "The government has formed a six-member search committee headed "
             "by Appellate Division Justice Abdul Matin to reconstitute the "
             "Election Commission.",
             "The committee will propose names for the chief election "
             "commissioner and commissioners within 15 working days, a "
             "Cabinet Division notification said."]),
    dict(id=2110, sec="politics",
         title="Student leaders weigh launching a new political party",
         author="Tanvir Ahmed", time="2024-08-16T18:10",
         summary="Coordinators say a decision will come after consultations "
                 "across the country.",
         tags=["students", "politics"],
         body=[
             "Leaders of the Anti-Discrimination Student Movement are "
             "considering forming a political party, coordinator Ariful Islam "
             "said at a meeting at Dhaka University's TSC on Friday.",
             "“We want to hear students across the country first,” he said."]),
    dict(id=2111, sec="business", jsonld=True,
         title="Remittance hits $1.15b in first two weeks of August",
         author="Staff Correspondent", time="2024-08-17T10:05",
         summary="Inflows rose as expatriates returned to formal channels, "
                 "central bank data shows.",
         tags=["remittance", "Bangladesh Bank"],
         body=[
             "Expatriate Bangladeshis sent home $1.15 billion in the first "
             "two weeks of August, according to Bangladesh Bank data.",
             "Bangladesh Bank spokesperson Nasir Uddin said more money was "
             "coming through banks instead of hundi. Saudi Arabia, the UAE "
             "and the United States were the top sources."]),
    dict(id=2112, sec="business",
         title="Garment export growth slows in July",
         author="Staff Correspondent", time="2024-08-16T14:00",
         summary="Shipments rose 2.1 percent year on year, EPB data shows.",
         tags=["RMG", "exports"],
         body=[
             "Garment exports grew 2.1 percent year on year in July, slower "
             "than in June, data from the Export Promotion Bureau (EPB) "
             "shows.",
             "Exporters blamed disruptions to production and shipping in "
             "late July."]),
    dict(id=2113, sec="world",
         title="Gaza ceasefire talks resume in Cairo",
         author="AFP, Cairo", time="2024-08-17T08:00",
         summary="Mediators from Egypt, Qatar and the US are pressing a new "
                 "proposal.",
         tags=["Gaza", "Middle East"],
         body=[
             "Talks on a ceasefire in Gaza resumed in Cairo on Saturday, "
             "with mediators from Egypt, Qatar and the United States pressing "
             "a bridging proposal.",
             "Delegations were expected to stay in the Egyptian capital for "
             "at least two days."]),
    dict(id=2114, sec="sport",
         title="Test squad for Pakistan tour announced, two pacers recalled",
         author="Sports Reporter", time="2024-08-17T13:00",
         summary="The first Test begins in Rawalpindi on August 21.",
         tags=["cricket", "BCB"],
         body=[
             "The Bangladesh Cricket Board (BCB) announced the Test squad for "
             "the tour of Pakistan, recalling two pacers who have recovered "
             "from injury.",
             "“Pace will matter on Pakistani pitches,” BCB chief selector "
             "Habibul Alam said. The first Test begins in Rawalpindi on "
             "August 21, the second in Karachi."]),
    dict(id=2115, sec="opinion",
         title="Why flood preparedness cannot wait",
         author="Farhana Islam", time="2024-08-16T08:30",
         summary="Forecasts came days ahead; the response did not.",
         tags=["flood", "opinion"],
         body=[
             "The floods in Feni, Cumilla and Noakhali have shown again that "
             "a forecast is not a plan. Shelters, boats and dry food could "
             "have been ready days before the water came.",
             "The Bangladesh Water Development Board and the Department of "
             "Disaster Management must work together, and local government "
             "must be part of it.",
             "The writer is an environmental researcher."]),
    dict(id=2116, sec="opinion",
         title="The first steps on the road to reform",
         author="Kamrul Hasan", time="2024-08-15T09:00",
         summary="Reform needs a timetable as much as it needs ideas.",
         tags=["reform", "opinion"],
         body=[
             "Every reform commission begins with ideas; few end with results. "
             "What the new commissions need most is a public timetable.",
             "Parties, civil society and the Election Commission should know "
             "what is decided when, and by whom.",
             "Kamrul Hasan is a lawyer and columnist."]),
    dict(id=2117, sec="opinion",
         title="Dhaka's drains need more than a monsoon promise",
         author="Editorial", time="2024-08-17T06:00",
         summary="Every monsoon brings the same flooded streets and the same "
                 "promises.",
         tags=["Dhaka", "editorial"],
         body=[
             "Ninety millimetres of rain in three hours should not bring a "
             "capital city to a halt. Yet on Saturday it did, again.",
             "Dhaka North and Dhaka South city corporations must publish "
             "their drain-clearing plans and be held to them."]),
]

# Older pages of the Courier, as its old CMS wrote them: windows-1252,
# with a <meta charset>, curly quotes, dashes and accented letters.
COURIER_ARCHIVE = [
    dict(id=1901, sec="archive", charset="windows-1252",
         slug="2019/08/floods-hit-feni-as-muhuri-breaches-embankment",
         title="Floods hit Feni as Muhuri breaches embankment",
         author="Our Correspondent, Feni", time="2019-08-14T16:20",
         summary="Villages in Parshuram go under water after a night of "
                 "rain.",
         tags=["flood", "Feni"],
         body=[
             "Villages in Parshuram went under water on Wednesday after the "
             "Muhuri breached its embankment at two points — the third "
             "breach in five years.",
             "“Nobody came to repair it after the last flood,” said a "
             "farmer, standing knee-deep in his paddy field.",
             "The district administration said relief — rice, pulses and "
             "oral saline — would reach the shelters by evening."]),
    dict(id=1902, sec="archive", charset="windows-1252",
         slug="2019/07/dhakas-waterlogging-woes",
         title="Dhaka’s waterlogging woes: a decade of promises",
         author="Staff Correspondent", time="2019-07-28T10:00",
         summary="Ten years, four master plans, the same flooded streets.",
         tags=["Dhaka", "waterlogging"],
         body=[
             "Ten years and four drainage master plans later, Dhaka’s "
             "streets still flood after an hour’s rain.",
             "Engineers say the city’s canals — once more than 40 — have "
             "shrunk to a handful, their banks lined with cafés, shops and "
             "garages."]),
    dict(id=1903, sec="archive", charset="windows-1252",
         slug="2019/07/metro-rail-work-reaches-agargaon",
         title="Metro rail work reaches Agargaon — a progress report",
         author="Staff Correspondent", time="2019-07-10T09:15",
         summary="The viaduct now runs from Uttara to Agargaon.",
         tags=["metro rail"],
         body=[
             "The elevated viaduct of Dhaka’s first metro rail line now runs "
             "from Uttara to Agargaon, officials of Dhaka Mass Transit Company "
             "Limited said on Wednesday.",
             "They expect the first trains to run in late 2022 — “if the "
             "weather and the money hold,” as one engineer put it."]),
]

COURIER_NEW = [
    dict(id=2118, sec="bangladesh",
         title="Floodwater recedes in Feni, misery persists",
         author="Our Correspondent, Feni", time="2024-08-18T09:30",
         summary="Many cannot go home: roads and houses are broken.",
         tags=["flood", "Feni"],
         body=[
             "Floodwater began to recede in Fulgazi and Parshuram on Sunday, "
             "but broken roads and houses kept many people in shelters.",
             "Deputy Commissioner Mohammad Salim Reza said repairs to the "
             "Muhuri embankment would start on Monday."]),
]
