import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './import-fields.js';

/**
 * Header names people give these columns, in Chinese and English. A header matches a field when it
 * equals one of its names once both are folded (foldHeader).
 */
const HEADER_NAMES: Record<ImportField, string[]> = {
  name: ['客户名称', '客户名', '公司名称', '公司', '企业名称', '单位名称', '客户', '名称', 'company', 'companyname', 'customer', 'customername', 'account', 'accountname', 'organization', 'name'],
  kind: ['客户类型', '类型', '类别', 'type', 'kind', 'customertype'],
  industry: ['行业', '所属行业', 'industry', 'sector'],
  province: ['省份', '省', '所在省份', 'province', 'state', 'region'],
  city: ['城市', '市', '所在城市', 'city'],
  address: ['地址', '详细地址', '公司地址', '通讯地址', 'address', 'street', 'streetaddress'],
  source: ['来源', '客户来源', 'source', 'leadsource'],
  stage: ['阶段', '客户阶段', '状态', '客户状态', 'stage', 'status'],
  tier: ['等级', '客户等级', '级别', 'tier', 'level', 'grade', 'rating'],
  tags: ['标签', 'tags', 'tag', 'labels'],
  notes: ['备注', '说明', '描述', 'notes', 'note', 'remarks', 'remark', 'comments', 'description'],
  nextFollowUpOn: ['下次跟进', '下次跟进日期', '下次跟进时间', 'nextfollowup', 'nextfollowupon', 'followupdate', 'followup'],
  contactName: ['联系人', '联系人姓名', '姓名', '联系人名称', 'contact', 'contactname', 'contactperson', 'fullname', 'person'],
  title: ['职位', '职务', '头衔', 'title', 'jobtitle', 'position', 'role'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '联系人手机', 'mobile', 'mobilephone', 'mobileno', 'cell', 'cellphone'],
  landline: ['电话', '座机', '固定电话', '办公电话', '联系电话', 'phone', 'telephone', 'tel', 'landline', 'officephone', 'workphone'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail', 'emailaddress'],
  wechatId: ['微信', '微信号', 'wechat', 'wechatid', 'weixin'],
  gender: ['性别', 'gender', 'sex'],
  birthday: ['生日', '出生日期', 'birthday', 'birthdate', 'dateofbirth', 'dob'],
};

/** Header text folded for comparison: full-width to half-width, lower case, no spaces, marks or "*". */
export function foldHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_*:：()（）.\-]/g, '');
}

const FOLDED: [ImportField, Set<string>][] = IMPORT_FIELDS.map((field) => [field, new Set(HEADER_NAMES[field].map(foldHeader))]);

/** The field a header most likely means, or null. */
export function guessField(header: string): ImportField | null {
  const folded = foldHeader(header);
  if (!folded) return null;
  for (const [field, names] of FOLDED) if (names.has(folded)) return field;
  return null;
}

/** A mapping guessed from the header row: each field takes the first column whose header names it. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, column) => {
    const field = guessField(header);
    if (field && mapping[field] === undefined) mapping[field] = column;
  });
  return mapping;
}
