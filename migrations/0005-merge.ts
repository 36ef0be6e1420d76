import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.

// Provinces and the larger cities, longest form first ("北京市" before "北京"), that company names
// often start with: "北京星辰科技" and "星辰科技" are the same business written with and without the place.
const PLACES = [
  '中国',
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古',
  '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
  '石家庄', '太原', '呼和浩特', '沈阳', '大连', '长春', '哈尔滨', '南京', '苏州', '无锡', '常州', '杭州', '宁波', '温州',
  '合肥', '福州', '厦门', '泉州', '南昌', '济南', '青岛', '郑州', '武汉', '长沙', '广州', '深圳', '东莞', '佛山', '珠海',
  '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐',
];
const PLACE_FORMS = PLACES.flatMap((p) => [`${p}省`, `${p}市`, `${p}自治区`, p]).sort((a, b) => b.length - a.length);

/** SQL for a folded name (name_key) without a leading place, kept at least two characters long. */
function stemOf(nameKey: string): string {
  const branches = PLACE_FORMS.map(
    (place) => `WHEN ${nameKey} GLOB '${place}??*' THEN substr(${nameKey}, ${[...place].length + 1})`,
  ).join(' ');
  return `CASE ${branches} ELSE ${nameKey} END`;
}

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite's migrator runs without a transaction, so the step takes its own: all of it or none of it.
  await db.transaction().execute(async (trx) => {
    // name_stem: the duplicate finder joins names on it. Kept by triggers rather than by the app, so every
    // write path (forms, import, seed, restore) keeps it right without knowing it. Not a virtual generated
    // column: computing it (hundreds of GLOBs) on every read made the finder ten times slower.
    await trx.schema.alterTable('customers').addColumn('name_stem', 'text').execute();
    await sql.raw(`UPDATE customers SET name_stem = ${stemOf('name_key')}`).execute(trx);
    for (const [name, event] of [
      ['insert', 'INSERT'],
      ['update', 'UPDATE OF name_key'],
    ]) {
      await sql
        .raw(
          `CREATE TRIGGER customers_name_stem_${name} AFTER ${event} ON customers BEGIN
             UPDATE customers SET name_stem = ${stemOf('NEW.name_key')} WHERE id = NEW.id;
           END`,
        )
        .execute(trx);
    }
    await trx.schema.createIndex('customers_name_stem').on('customers').column('name_stem').execute();

    // "Not a duplicate" answers, one row per pair (lower id first), so a dismissed pair stays hidden.
    await trx.schema
      .createTable('duplicate_dismissals')
      .addColumn('customer_a_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('customer_b_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('dismissed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('dismissed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['customer_a_id', 'customer_b_id'])
      .addCheckConstraint('duplicate_dismissals_order', sql`customer_a_id < customer_b_id`)
      .execute();
  });
}
