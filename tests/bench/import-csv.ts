/** A generated customer CSV as Chinese offices export them (UTF-8, CRLF, quoted addresses and tag lists). */

const CITIES = [['广东', '深圳'], ['上海', '上海'], ['北京', '北京'], ['浙江', '杭州'], ['江苏', '南京']] as const;
const STAGES = ['潜在客户', '意向客户', '成交客户', '复购客户', '流失客户'];

/**
 * `rows` customers with a contact each. `revised`: the same companies and people, with every other
 * one's industry and every one's stage moved on and a tag added to the VIPs, as when an office edits its
 * spreadsheet and imports it again.
 */
export function generateCustomerCsv(rows: number, { revised = false } = {}): Uint8Array {
  const lines = ['客户名称,联系人,手机,电话,邮箱,省份,城市,地址,行业,来源,阶段,标签,备注'];
  for (let i = 0; i < rows; i++) {
    const [province, city] = CITIES[i % CITIES.length]!;
    const n = String(i).padStart(8, '0');
    lines.push(
      [
        `${city}测试${i}号贸易有限公司`,
        `联系人${i}`,
        `139${n}`,
        i % 3 === 0 ? `010-6${n.slice(1)}` : '',
        `user${i}@example${i % 97}.cn`,
        province,
        city,
        `"${city}市某某路${i}号"`,
        i % 2 ? (revised ? '服务' : '贸易') : '制造',
        i % 2 ? '官网' : '展会',
        STAGES[(i + (revised ? 1 : 0)) % STAGES.length],
        i % 4 === 0 ? (revised ? '"VIP,华南,老客户"' : '"VIP,华南"') : '',
        '',
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}
