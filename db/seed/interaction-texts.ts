import type { InteractionType } from '../tables/interaction.table.js';
import type { Random } from './random.js';

/**
 * What seeded interactions say, in Chinese for Chinese-named customers and English for the others:
 * templates with a product and a reaction slotted in, so 1M rows read like a real office's log.
 */

interface Texts {
  products: string[];
  reactions: string[];
  content: Record<InteractionType, string[]>;
  outcomes: string[];
  /** Only a call goes unanswered. */
  noAnswer: string;
  nextSteps: string[];
}

const ZH: Texts = {
  products: ['样品', '新品', '年度框架合同', '售后服务', '批量订单', '定制方案', '物流安排', '付款方式', '报价单', '技术参数'],
  reactions: ['比较满意', '还在比较几家供应商', '希望再降价5%', '需要内部审批', '下周给答复', '暂时没有需求', '很感兴趣',
    '对交期有顾虑'],
  content: {
    call: ['电话沟通{p}，客户{r}。', '回访上次订单的使用情况，客户{r}。', '客户来电询问{p}的交期，{r}。', '打电话确认{p}，对方{r}。'],
    email: ['发送了{p}，客户回复{r}。', '邮件跟进{p}，客户{r}。', '客户邮件询问{p}。'],
    meeting: ['与采购和技术一起开会讨论{p}，客户{r}。', '视频会议演示{p}，{r}。', '季度复盘会议，谈到{p}。'],
    visit: ['上门拜访，参观了工厂，谈了{p}，客户{r}。', '客户来公司考察，重点看了{p}。', '展会上见面，介绍了{p}。'],
    chat: ['线上沟通{p}，客户{r}。', '客户发消息问{p}的问题，已解答。', '在群里确认了{p}。'],
    social: ['客户在小红书上评论了我们的{p}。', '抖音直播间咨询{p}。', '微博私信询问{p}。'],
    note: ['客户{r}，下次联系注意{p}。', '采购负责人下月换人，{p}需要重新确认。', '竞争对手也在跟进，{p}要抓紧。'],
  },
  outcomes: ['有意向', '已报价', '已成交', '暂无需求', '需要再跟进', '客户要求降价', '已寄样'],
  noAnswer: '未接通',
  nextSteps: ['寄样品', '发正式报价', '约时间上门拜访', '下周再电话跟进', '安排技术交流', '准备合同', '请经理一起拜访'],
};

const EN: Texts = {
  products: ['the samples', 'the new range', 'the annual contract', 'after-sales service', 'a bulk order', 'a custom design',
    'shipping', 'payment terms', 'the quotation', 'the specifications'],
  reactions: ['is happy with it', 'is still comparing suppliers', 'wants another 5% off', 'needs internal approval',
    'will answer next week', 'has no need right now', 'is very interested', 'worries about lead times'],
  content: {
    call: ['Called about {p}; the customer {r}.', 'Follow-up call on the last order; the customer {r}.',
      'Customer called asking about {p}.'],
    email: ['Sent {p}; the customer {r}.', 'E-mailed to follow up on {p}.', 'Customer e-mailed questions about {p}.'],
    meeting: ['Meeting with purchasing and engineering about {p}; the customer {r}.', 'Video call demo of {p}.'],
    visit: ['Visited their office to discuss {p}; the customer {r}.', 'Met at the trade fair and showed {p}.'],
    chat: ['Chatted about {p}; the customer {r}.', 'Answered questions about {p} over chat.'],
    social: ['Customer commented on our LinkedIn post about {p}.', 'Enquiry about {p} via Facebook.'],
    note: ['The customer {r}; mind {p} next time.', 'New buyer from next month; confirm {p} again.'],
  },
  outcomes: ['Interested', 'Quoted', 'Won', 'No need now', 'Needs follow-up', 'Asked for a discount', 'Samples sent'],
  noAnswer: 'No answer',
  nextSteps: ['Send samples', 'Send a formal quote', 'Book a visit', 'Call again next week', 'Arrange a technical call',
    'Prepare the contract'],
};

export interface InteractionText {
  content: string;
  outcome: string | null;
  nextStep: string | null;
}

export function interactionText(random: Random, type: InteractionType, chinese: boolean): InteractionText {
  const texts = chinese ? ZH : EN;
  const content = random
    .pick(texts.content[type])
    .replace('{p}', random.pick(texts.products))
    .replace('{r}', random.pick(texts.reactions));
  return {
    content,
    outcome:
      type === 'note' || !random.chance(0.7)
        ? null
        : random.pick(type === 'call' ? [...texts.outcomes, texts.noAnswer] : texts.outcomes),
    nextStep: type !== 'note' && random.chance(0.4) ? random.pick(texts.nextSteps) : null,
  };
}
