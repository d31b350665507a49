import * as v from 'valibot';

/** Stable error codes with their zh-CN and English messages. */
export const errorMessages = {
  validation_failed: ['输入有误，请检查标注的字段', 'Invalid input: check the marked field'],
  unauthenticated: ['请先登录', 'Sign in first'],
  invalid_credentials: ['用户名或密码错误', 'Wrong username or password'],
  account_locked: ['登录失败次数过多，账号已锁定10分钟', 'Too many failed sign-ins; the account is locked for 10 minutes'],
  token_expired: ['登录已过期，请重新登录', 'Your session has expired; sign in again'],
  forbidden: ['无权访问该数据', 'You may not access this data'],
  out_of_scope: ['该数据不在您的管辖范围内', 'This data is outside your organisation'],
  embed_origin_denied: ['该嵌入密钥不允许在此网站使用', 'This embed key is not allowed on this site'],
  read_only: ['嵌入密钥只能读取数据', 'Embed keys are read-only'],
  not_found: ['未找到该数据', 'Not found'],
  conflict: ['数据已被他人修改，请刷新后重试', 'Someone else changed this; reload and try again'],
  step_incomplete: ['当前步骤尚有必填项未完成', 'The current step has required fields missing'],
  invalid_transition: ['不允许该步骤流转', 'That step change is not allowed'],
  idempotency_mismatch: ['同一幂等键被用于不同的请求', 'The idempotency key was reused for a different request'],
  rate_limited: ['请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  payload_too_large: ['提交的数据过大', 'The request is too large'],
  unsupported_media_type: ['请以 JSON 格式提交', 'Send JSON'],
  service_unavailable: ['服务暂时不可用，请稍后再试', 'The service is temporarily unavailable'],
  internal: ['服务器内部错误', 'Internal server error'],
} as const satisfies Record<string, readonly [string, string]>;
export type ErrorCode = keyof typeof errorMessages;

/** Messages for individual field problems, by valibot issue type or our custom message keys. */
const fieldMessages: Record<string, readonly [string, string]> = {
  required: ['此项为必填项', 'This field is required'],
  type: ['格式不正确', 'Wrong format'],
  too_short: ['内容太短', 'Too short'],
  too_long: ['内容太长', 'Too long'],
  too_small: ['数值太小', 'Too small'],
  too_large: ['数值太大', 'Too large'],
  picklist: ['不是可选的值', 'Not one of the allowed values'],
  invalid_phone: ['请输入正确的11位手机号码', 'Enter a valid 11-digit mainland mobile number'],
  invalid_id_number: ['身份证号码无效（请检查出生日期和校验位）', 'Invalid ID number (check the birth date and check digit)'],
  iso_date: ['请输入日期（YYYY-MM-DD）', 'Enter a date (YYYY-MM-DD)'],
  iso_timestamp: ['请输入时间（ISO 8601）', 'Enter a timestamp (ISO 8601)'],
  url: ['请输入有效的链接', 'Enter a valid link'],
  parties_must_sign: ['协议须经各方当事人签名、盖章或按指印', 'Every party must sign, seal or fingerprint the agreement'],
  mediator_must_sign: ['协议须经调解员签名', 'The mediator must sign the agreement'],
  committee_must_seal: ['协议须加盖人民调解委员会印章', 'The mediation committee must seal the agreement'],
  unknown_field: ['不支持的字段', 'Unknown field'],
  duplicate_item: ['存在重复的项目', 'An item appears twice'],
  breakdown_sum: ['各分项得分之和须等于总分', 'The item scores must add up to the score'],
};

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

/** Own keys only: `'toString' in fieldMessages` is true, and a message must never resolve to a prototype method. */
// Not Object.hasOwn: Chromium 90-92 (domestic 信创 browsers) lack it.
const isMessageKey = (key: string): boolean => Object.prototype.hasOwnProperty.call(fieldMessages, key);

function messageKey(issue: v.BaseIssue<unknown>): string {
  if (isMessageKey(issue.message)) return issue.message;
  if (issue.input === undefined && (issue.kind === 'schema' || issue.type === 'object')) return 'required';
  switch (issue.type) {
    case 'min_length':
    case 'non_empty':
      return issue.input === '' || (Array.isArray(issue.input) && issue.input.length === 0) ? 'required' : 'too_short';
    case 'max_length':
      return 'too_long';
    case 'min_value':
      return 'too_small';
    case 'max_value':
      return 'too_large';
    case 'picklist':
    case 'literal':
    case 'variant':
      return 'picklist';
    case 'iso_date':
    case 'iso_timestamp':
    case 'url':
      return issue.type;
    default:
      return 'type';
  }
}

/** Turns valibot issues into field errors whose `field` is the dotted path (e.g. `parties.0.phone`). */
export function fieldErrors(issues: ReadonlyArray<v.BaseIssue<unknown>>, prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '';
    const field = [prefix, path].filter(Boolean).join('.') || (prefix ?? '');
    const [message, messageEn] = fieldMessages[messageKey(issue)] ?? fieldMessages.type!;
    const detail = issue.message && !isMessageKey(issue.message) ? ` (${issue.message})` : '';
    return { field, message, messageEn: `${messageEn}${detail}` };
  });
}

/** Validate against a schema; on failure return field errors instead of throwing. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  prefix?: string,
): { ok: true; value: v.InferOutput<S> } | { ok: false; errors: FieldError[] } {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: fieldErrors(result.issues, prefix) };
}
