/**
 * The printable 调解协议书 with every item of Art. 29 of the People's Mediation Law: the parties' details, the
 * main facts, disputed issues and each party's responsibility, the agreed terms, how and by when they are
 * performed, the signature/seal lines — plus the Art. 33 notice on judicial confirmation within 30 days.
 * Every value is HTML-escaped; styles sit in one <style> carrying the page's CSP nonce; no script at all.
 */
import { disputeTypes, type MediationCase } from '@qiangji/contract';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

interface PartyData {
  name?: string;
  sex?: string;
  ethnicity?: string;
  age?: number;
  occupation?: string;
  phone?: string;
  address?: string;
  idNumber?: string;
}

interface AgreementData {
  facts: string;
  disputedIssues: string;
  responsibilities: string;
  terms: string;
  performanceMethod: string;
  performanceDeadline: string;
}

const sexLabel = (sex: string | undefined) => (sex === 'male' ? '男' : sex === 'female' ? '女' : '');
const chineseDate = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : '　　年　　月　　日');

const styles = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 15px; line-height: 1.9; color: #000; max-width: 760px; margin: 2em auto; padding: 0 1em; }
h1 { text-align: center; font-size: 26px; letter-spacing: 0.4em; margin: 0 0 0.2em; }
.number { text-align: right; margin: 0 0 1.2em; }
h2 { font-size: 16px; margin: 1.2em 0 0.3em; }
p { margin: 0.2em 0; text-indent: 2em; white-space: pre-wrap; }
table.parties { width: 100%; border-collapse: collapse; margin: 0.4em 0; }
table.parties th, table.parties td { border: 1px solid #000; padding: 2px 6px; text-align: left; font-weight: normal; }
.signatures { margin-top: 2.5em; display: grid; grid-template-columns: 1fr 1fr; gap: 1.6em 2em; }
.signatures div { border-bottom: 1px solid #000; min-height: 2.6em; }
.notice { margin-top: 1.6em; border: 1px solid #000; padding: 0.6em 1em; }
.notice p { text-indent: 0; }
.masked { font-size: 13px; color: #444; text-align: center; }
@media print { body { margin: 0; max-width: none; } .masked { display: none; } }
`;

export function agreementHtml(mediationCase: MediationCase, nonce: string): string {
  const identify = (mediationCase.steps.identify ?? {}) as { parties?: PartyData[]; disputeType?: string };
  const serve = (mediationCase.steps.serve ?? {}) as { agreement?: AgreementData; signedOn?: string };
  const agreement = serve.agreement!;
  const parties = identify.parties ?? [];
  const disputeLabel = disputeTypes.find((type) => type.id === identify.disputeType)?.label['zh-CN'] ?? '';
  const copies = parties.length + 1;
  const partyRows = parties
    .map(
      (party, index) => `<tr><th scope="row">${index === 0 ? '申请人' : '被申请人'}${parties.length > 2 ? index + 1 : ''}</th>
<td>${escapeHtml(party.name)}</td><td>${sexLabel(party.sex)}</td><td>${escapeHtml(party.ethnicity)}</td><td>${escapeHtml(party.age)}</td><td>${escapeHtml(party.occupation)}</td>
<td>${escapeHtml(party.phone)}</td><td>${escapeHtml(party.address)}</td><td>${escapeHtml(party.idNumber ?? '')}</td></tr>`,
    )
    .join('\n');
  const partySignatures = parties.map((party) => `<div>当事人（签名、盖章或按指印）：${escapeHtml(party.name)}</div>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>人民调解协议书 ${escapeHtml(mediationCase.caseNumber)}</title>
<style nonce="${escapeHtml(nonce)}">${styles}</style>
</head>
<body>
${mediationCase.masked ? '<p class="masked">本页个人信息已脱敏，仅供查阅；打印正式文书请由有权限的调解员操作。</p>' : ''}
<h1>人民调解协议书</h1>
<p class="number">${escapeHtml(mediationCase.caseNumber)}</p>
<p>${escapeHtml(mediationCase.committee)}${disputeLabel ? `受理的${escapeHtml(disputeLabel)}纠纷` : '受理的纠纷'}，经调解，当事人自愿达成如下协议。</p>

<h2>一、当事人基本情况</h2>
<table class="parties">
<thead><tr><th scope="col">身份</th><th scope="col">姓名</th><th scope="col">性别</th><th scope="col">民族</th><th scope="col">年龄</th><th scope="col">职业</th><th scope="col">联系电话</th><th scope="col">住址</th><th scope="col">身份证号码</th></tr></thead>
<tbody>
${partyRows}
</tbody>
</table>

<h2>二、纠纷的主要事实</h2>
<p>${escapeHtml(agreement.facts)}</p>
<h2>三、争议事项</h2>
<p>${escapeHtml(agreement.disputedIssues)}</p>
<h2>四、各方当事人的责任</h2>
<p>${escapeHtml(agreement.responsibilities)}</p>
<h2>五、当事人达成调解协议的内容</h2>
<p>${escapeHtml(agreement.terms)}</p>
<h2>六、履行方式和期限</h2>
<p>履行方式：${escapeHtml(agreement.performanceMethod)}</p>
<p>履行期限：${chineseDate(agreement.performanceDeadline)}前履行完毕。</p>

<p>本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。本协议书一式${copies}份，当事人各执一份，人民调解委员会留存一份。</p>

<div class="signatures">
${partySignatures}
<div>人民调解员（签名）：${escapeHtml(mediationCase.mediatorName)}</div>
<div>人民调解委员会（印章）：${escapeHtml(mediationCase.committee)}</div>
<div>签订日期：${chineseDate(serve.signedOn)}</div>
</div>

<div class="notice">
<p><strong>司法确认告知</strong>：依据《中华人民共和国人民调解法》第三十三条，经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认调解协议${
    mediationCase.judicialConfirmationDue ? `（截止日期：${chineseDate(mediationCase.judicialConfirmationDue)}）` : ''
  }。人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。</p>
</div>
</body>
</html>
`;
}
