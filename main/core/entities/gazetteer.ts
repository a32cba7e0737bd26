// A small gazetteer: countries, regions and cities that news names most, under one English
// name, with their other English forms and their Arabic and Persian spellings. It gives places
// one name whatever the spelling ("US", "U.S.", "United States", "الولايات المتحدة"), and it is
// the only source of places in the text of articles not in English (people and organisations
// are extracted from English articles only). Arabic and Persian forms are matched after the
// search normalisation (alef, yeh and kaf forms folded), so either spelling finds them.
import { normalizeWord } from '../search/analysis/normalize';

/** [English name, other forms...]: English, then Arabic and Persian. */
const PLACES: readonly (readonly string[])[] = [
  ['Afghanistan', 'أفغانستان', 'افغانستان'],
  ['Algeria', 'الجزائر'],
  ['Baghdad', 'بغداد'],
  ['Bahrain', 'البحرين', 'بحرین'],
  ['Beirut', 'بيروت', 'بیروت'],
  ['Beijing', 'Peking', 'بكين', 'پکن'],
  ['Berlin', 'برلين', 'برلین'],
  ['Brussels', 'بروكسل', 'بروکسل'],
  ['Cairo', 'القاهرة', 'قاهره'],
  ['China', 'الصين', 'چین'],
  ['Damascus', 'دمشق'],
  ['Doha', 'الدوحة', 'دوحه'],
  ['Dubai', 'دبي', 'دبی'],
  ['Egypt', 'مصر'],
  ['Europe', 'أوروبا', 'اروپا'],
  ['France', 'فرنسا', 'فرانسه'],
  ['Gaza', 'غزة', 'غزه'],
  ['Germany', 'ألمانيا', 'آلمان'],
  ['India', 'الهند', 'هند'],
  ['Iran', 'إيران', 'ایران'],
  ['Iraq', 'العراق', 'عراق'],
  ['Isfahan', 'Esfahan', 'أصفهان', 'اصفهان'],
  ['Israel', 'إسرائيل', 'اسرائیل'],
  ['Istanbul', 'إسطنبول', 'استانبول'],
  ['Japan', 'اليابان', 'ژاپن'],
  ['Jeddah', 'Jidda', 'Jiddah', 'جدة', 'جده'],
  ['Jerusalem', 'القدس', 'بيت المقدس'],
  ['Jordan', 'الأردن', 'اردن'],
  ['Kabul', 'كابول', 'کابل'],
  ['Kuwait', 'الكويت', 'کویت'],
  ['Lebanon', 'لبنان'],
  ['Libya', 'ليبيا', 'لیبی'],
  ['London', 'لندن'],
  ['Mashhad', 'مشهد'],
  ['Mecca', 'Makkah', 'مكة', 'مكة المكرمة', 'مکه'],
  ['Medina', 'Madinah', 'المدينة المنورة', 'مدینه'],
  ['Morocco', 'المغرب', 'مراکش'],
  ['Moscow', 'موسكو', 'مسکو'],
  ['New York', 'نيويورك', 'نیویورک'],
  ['Oman', 'عمان', 'سلطنة عمان'],
  ['Pakistan', 'باكستان', 'پاکستان'],
  ['Palestine', 'فلسطين', 'فلسطین'],
  ['Paris', 'باريس', 'پاریس'],
  ['Qatar', 'قطر'],
  ['Riyadh', 'الرياض', 'ریاض'],
  ['Russia', 'روسيا', 'روسیه'],
  ['Saudi Arabia', 'السعودية', 'المملكة العربية السعودية', 'عربستان', 'عربستان سعودی'],
  ['Shiraz', 'شيراز', 'شیراز'],
  ['Sudan', 'السودان', 'سودان'],
  ['Syria', 'سوريا', 'سورية', 'سوریه'],
  ['Tabriz', 'تبريز', 'تبریز'],
  ['Tehran', 'Teheran', 'طهران', 'تهران'],
  ['Tunisia', 'تونس'],
  ['Turkey', 'Türkiye', 'تركيا', 'ترکیه'],
  ['United Arab Emirates', 'UAE', 'U.A.E.', 'الإمارات', 'امارات'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain', 'بريطانيا', 'بریتانیا', 'انگلیس'],
  [
    'United States',
    'US',
    'U.S.',
    'USA',
    'U.S.A.',
    'الولايات المتحدة',
    'أمريكا',
    'آمریکا',
    'امریکا',
  ],
  ['Washington', 'واشنطن', 'واشنگتن'],
  ['Yemen', 'اليمن', 'یمن'],
];

/** Lower-cased, search-normalised words of a name, joined by one space. */
export function placeKey(name: string): string {
  return name
    .split(/[\s\u00A0]+/u)
    .map((w) => normalizeWord(w.replace(/\./gu, '')))
    .filter((w) => w !== '')
    .join(' ');
}

let byKey: Map<string, string> | null = null;
let longest = 1;

function table(): Map<string, string> {
  if (byKey) return byKey;
  byKey = new Map();
  for (const [name, ...forms] of PLACES) {
    for (const form of [name!, ...forms]) {
      const key = placeKey(form);
      // "U.S." and "US" give the same key; the first entry wins a clash ("عمان": Oman).
      if (!byKey.has(key)) byKey.set(key, name!);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  return byKey;
}

/** The gazetteer's English name for a place written this way, or null. */
export function gazetteerPlace(name: string): string | null {
  return gazetteerPlaceByKey(placeKey(name));
}

/** The gazetteer's English name for a placeKey() already computed, or null. */
export function gazetteerPlaceByKey(key: string): string | null {
  return table().get(key) ?? null;
}

/** The most words a gazetteer name has (for scanning text word by word). */
export function gazetteerLongest(): number {
  table();
  return longest;
}
