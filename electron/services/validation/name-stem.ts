import { nameKey } from './name-key.js';

// Provinces and the larger cities that company names often start with: "北京星辰科技" and "星辰科技" are
// the same business written with and without the place. The list migration 0005 first stored stems with.
const PLACES = [
  '中国',
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古',
  '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
  '石家庄', '太原', '呼和浩特', '沈阳', '大连', '长春', '哈尔滨', '南京', '苏州', '无锡', '常州', '杭州', '宁波', '温州',
  '合肥', '福州', '厦门', '泉州', '南昌', '济南', '青岛', '郑州', '武汉', '长沙', '广州', '深圳', '东莞', '佛山', '珠海',
  '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐',
];
const PLACE_FORMS = new Set(PLACES.flatMap((p) => [`${p}省`, `${p}市`, `${p}自治区`, p]));
// Every place form is in the Basic Multilingual Plane: its length in UTF-16 units is its length in characters.
const PLACE_LENGTHS = [...new Set([...PLACE_FORMS].map((p) => p.length))].sort((a, b) => b - a);

/** At least two characters (code points, as SQLite counts them), looking at the first four UTF-16 units only. */
const hasTwoCharacters = (text: string) => [...text.slice(0, 4)].length >= 2;

/**
 * A folded name (nameKey) without a leading place, kept at least two characters long: "北京市星辰科技" →
 * "星辰科技", "北京市场" → "市场" (the longest place that leaves two characters wins), "北京" → "北京".
 * The duplicate finder joins names on it (customers.name_stem).
 */
export function nameStem(key: string): string {
  for (const length of PLACE_LENGTHS) {
    const rest = key.slice(length);
    if (PLACE_FORMS.has(key.slice(0, length)) && hasTwoCharacters(rest)) return rest;
  }
  return key;
}

/** The stored matching columns of a customer's name; every write that sets a name sets both. */
export function nameColumns(name: string): { name_key: string; name_stem: string } {
  const key = nameKey(name);
  return { name_key: key, name_stem: nameStem(key) };
}
