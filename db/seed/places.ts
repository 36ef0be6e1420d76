import type { Random } from './random.js';

/** Where customers are: provinces and cities of China (weighted by business activity), plus a few abroad. */

export interface City {
  province: string;
  city: string;
  /** Landline area code without the trunk 0 ("10", "755"); null abroad. */
  areaCode: string | null;
  /** ISO country code for international phone numbers; CN for the mainland. */
  country: 'CN' | 'HK' | 'SG' | 'US' | 'GB' | 'DE' | 'JP';
  weight: number;
}

const cn = (province: string, city: string, areaCode: string, weight: number): City => ({
  province,
  city,
  areaCode,
  country: 'CN',
  weight,
});

export const CITIES: City[] = [
  cn('北京', '北京', '10', 10), cn('上海', '上海', '21', 10), cn('天津', '天津', '22', 3), cn('重庆', '重庆', '23', 3),
  cn('广东', '广州', '20', 7), cn('广东', '深圳', '755', 8), cn('广东', '东莞', '769', 3), cn('广东', '佛山', '757', 3),
  cn('浙江', '杭州', '571', 6), cn('浙江', '宁波', '574', 3), cn('浙江', '温州', '577', 2), cn('江苏', '南京', '25', 4),
  cn('江苏', '苏州', '512', 5), cn('江苏', '无锡', '510', 2), cn('四川', '成都', '28', 5), cn('湖北', '武汉', '27', 4),
  cn('陕西', '西安', '29', 3), cn('辽宁', '沈阳', '24', 2), cn('辽宁', '大连', '411', 2), cn('湖南', '长沙', '731', 3),
  cn('河南', '郑州', '371', 3), cn('山东', '济南', '531', 2), cn('山东', '青岛', '532', 3), cn('福建', '厦门', '592', 2),
  cn('福建', '福州', '591', 2), cn('安徽', '合肥', '551', 2), cn('云南', '昆明', '871', 1), cn('黑龙江', '哈尔滨', '451', 1),
  cn('吉林', '长春', '431', 1), cn('河北', '石家庄', '311', 1), cn('山西', '太原', '351', 1), cn('江西', '南昌', '791', 1),
  cn('广西', '南宁', '771', 1), cn('贵州', '贵阳', '851', 1), cn('海南', '海口', '898', 1), cn('甘肃', '兰州', '931', 0.5),
  cn('新疆', '乌鲁木齐', '991', 0.5), cn('内蒙古', '呼和浩特', '471', 0.5),
  { province: '香港', city: '香港', areaCode: null, country: 'HK', weight: 1 },
  { province: '新加坡', city: 'Singapore', areaCode: null, country: 'SG', weight: 0.5 },
  { province: '美国', city: 'San Francisco', areaCode: null, country: 'US', weight: 0.4 },
  { province: '美国', city: 'New York', areaCode: null, country: 'US', weight: 0.4 },
  { province: '英国', city: 'London', areaCode: null, country: 'GB', weight: 0.4 },
  { province: '德国', city: 'Berlin', areaCode: null, country: 'DE', weight: 0.3 },
  { province: '日本', city: '东京', areaCode: null, country: 'JP', weight: 0.3 },
];

const CITY_WEIGHTS = CITIES.map((c) => [c, c.weight] as const);

export function pickCity(random: Random): City {
  return random.weighted(CITY_WEIGHTS);
}

const DISTRICTS = ['高新区', '经济开发区', '城东区', '城西区', '南山区', '朝阳区', '浦东新区', '天河区', '西湖区', '武侯区',
  '工业园区', '滨江区', '江北区', '市中区', '开发区'];
const ROADS = ['人民路', '解放路', '中山路', '建设路', '科技路', '创业大道', '长江路', '黄河路', '新华路', '和平路', '工业大道',
  '文化路', '金融街', '世纪大道', '滨河路'];
const EN_STREETS = ['Market Street', 'High Street', 'Main Street', 'Queen\'s Road', 'Orchard Road', 'Broadway', 'Park Avenue'];

export function address(random: Random, city: City): string {
  if (city.country !== 'CN') return `${random.int(1, 400)} ${random.pick(EN_STREETS)}`;
  const building = random.chance(0.4) ? `${random.pick(['A', 'B', 'C', '1', '2', '3'])}座${random.int(2, 28)}${String(random.int(1, 20)).padStart(2, '0')}室` : '';
  return `${random.pick(DISTRICTS)}${random.pick(ROADS)}${random.int(1, 999)}号${building}`;
}
