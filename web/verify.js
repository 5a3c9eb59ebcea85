// The public verification page: asks a govchain node's govchain_* JSON-RPC methods
// (docs/rpc.md) about a company, a certificate or a customs declaration, and shows the
// answer in English or Chinese. No wallet, no signing: plain HTTP POSTs.

const LABELS = {
  en: {
    title: 'Check a record on govchain',
    intro: 'Type a company\'s Unified Social Credit Code, a certificate number or a consignment reference. The answer is read from the chain; no account is needed.',
    codeLabel: 'Code, certificate number or reference',
    kindLabel: 'What is it?',
    kindAuto: 'Detect', kindCompany: 'Company', kindCertificate: 'Certificate', kindDeclaration: 'Customs declaration',
    check: 'Check', nodeLabel: 'Node', nodeUrl: 'RPC address of a govchain node', language: '中文',
    checking: 'Reading the chain…',
    goodStanding: 'In good standing', notGoodStanding: 'Not in good standing',
    certificateValid: 'Valid certificate', certificateInvalid: 'Not valid',
    declarationStatus: 'Declaration', status: 'Status', since: 'Since', name: 'Name', kind: 'Legal form',
    registeredBy: 'Registered by (agency)', registeredAt: 'Registered', abnormal: 'Abnormal listings',
    seriousViolation: 'Serious violation list since', none: 'none',
    reason: 'Reason', revokedAt: 'Revoked', expiredAt: 'Expired', suspendedSince: 'Suspended since',
    validUntil: 'Valid until', forLife: 'for life',
    scheme: 'Certificate', issuer: 'Issuer', issuerNow: 'Issuer\'s accreditation now',
    accreditedAtIssue: 'Accredited when issued', yes: 'yes', no: 'no', issuedAt: 'Issued',
    lane: 'Lane', declarant: 'Declarant', lodgedAt: 'Lodged', releasedAt: 'Released', clearance: 'Clearance time',
    seconds: 's', readAt: 'Read at block', openApps: 'Open this block in polkadot.js apps',
    errMalformed: 'This is not a valid code or reference', errNotFound: 'Not found on the chain',
    errUnknownBlock: 'The node does not know that block', errPruned: 'This node no longer keeps that block; ask an archive node',
    errNetwork: 'The node could not be reached', errOther: 'The node could not answer',
    errNetworkHint: 'Check the node\'s address below and that it is running. A node on another host must accept this page with {cors}.',
  },
  zh: {
    title: '在政务链上查验',
    intro: '输入统一社会信用代码、证书编号或货物托运编号。结果直接读自区块链，无需账户。',
    codeLabel: '代码、证书编号或托运编号',
    kindLabel: '查验类型',
    kindAuto: '自动识别', kindCompany: '企业', kindCertificate: '证书', kindDeclaration: '报关单',
    check: '查验', nodeLabel: '节点', nodeUrl: '政务链节点的 RPC 地址', language: 'English',
    checking: '正在读取区块链…',
    goodStanding: '经营状态良好', notGoodStanding: '经营状态异常',
    certificateValid: '证书有效', certificateInvalid: '证书无效',
    declarationStatus: '报关单', status: '状态', since: '起始时间', name: '名称', kind: '企业类型',
    registeredBy: '登记机关', registeredAt: '登记时间', abnormal: '经营异常名录',
    seriousViolation: '严重违法失信名单（起始）', none: '无',
    reason: '原因', revokedAt: '撤销时间', expiredAt: '失效时间', suspendedSince: '暂停时间',
    validUntil: '有效期至', forLife: '长期有效',
    scheme: '证书类别', issuer: '发证机构', issuerNow: '发证机构当前认可状态',
    accreditedAtIssue: '发证时已获认可', yes: '是', no: '否', issuedAt: '发证时间',
    lane: '通道', declarant: '申报企业', lodgedAt: '申报时间', releasedAt: '放行时间', clearance: '通关时间',
    seconds: '秒', readAt: '读取区块', openApps: '在 polkadot.js apps 中查看该区块',
    errMalformed: '代码或编号格式不正确', errNotFound: '链上没有该记录',
    errUnknownBlock: '节点不认识该区块', errPruned: '该节点已不保存该区块的状态，请使用归档节点',
    errNetwork: '无法连接节点', errOther: '节点无法回答',
    errNetworkHint: '请检查下方的节点地址以及节点是否在运行。其他主机上的节点须用 {cors} 允许本页面访问。',
  },
};

/** Looks like a Unified Social Credit Code, perhaps mistyped: authority, category, about 18
 * letters and digits. Consignment references carry separators or other prefixes. */
const USCC_LIKE = /^[1-9ANY][0-9][0-9A-Z]{13,18}$/i;
const params = new URLSearchParams(window.location.search);
const nodeInput = document.getElementById('node');
nodeInput.value = params.get('node') || 'http://127.0.0.1:9944';
let language = params.get('lang') || (navigator.language.startsWith('zh') ? 'zh' : 'en');
let lastAnswer = null;

const t = (key) => LABELS[language][key];

function applyLanguage() {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  for (const element of document.querySelectorAll('[data-label]')) element.textContent = t(element.dataset.label);
  document.getElementById('language').textContent = t('language');
  if (lastAnswer) render(...lastAnswer);
}

/** What the input is, from its form unless the person chose. */
function kindOf(code) {
  const chosen = document.querySelector('input[name=kind]:checked').value;
  if (chosen !== 'auto') return chosen;
  if (/^\d+$/.test(code)) return 'certificate';
  if (USCC_LIKE.test(code)) return 'company';
  return 'declaration';
}

/** A govchain_* call; resolves with { result } or { error: { code, message } }. */
async function call(method, params) {
  const response = await fetch(nodeInput.value, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return response.json();
}

function element(tag, attributes = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attributes);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** A definition list of [label key, value] pairs, skipping empty values. */
function facts(pairs) {
  const list = element('dl');
  for (const [key, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    list.append(element('dt', { textContent: t(key) }), element('dd', { textContent: String(value) }));
  }
  return list;
}

/** The block the answer was read at, and a link to it in polkadot.js apps. */
function readAt(at) {
  const ws = nodeInput.value.replace(/^http/, 'ws');
  const link = element('a', {
    href: `https://polkadot.js.org/apps/?rpc=${encodeURIComponent(ws)}#/explorer/query/${at.hash}`,
    textContent: t('openApps'),
    className: 'apps-link',
  });
  return element('p', { className: 'read-at' },
    `${t('readAt')} #${at.number} (${at.hash}) · `, link);
}

const yesNo = (value) => t(value ? 'yes' : 'no');

function companyCard(company) {
  const ok = company.inGoodStanding;
  return [ok, company.status, [
    ['name', company.englishName ? `${company.legalName} (${company.englishName})` : company.legalName],
    ['status', company.status], ['since', company.statusSince], ['kind', company.kind],
    ['abnormal', company.abnormalListings.length
      ? company.abnormalListings.map((listing) => `${listing.ground} (${listing.since})`).join('; ') : t('none')],
    ['seriousViolation', company.seriousViolationSince],
    ['registeredBy', company.registeredBy.agency], ['registeredAt', company.registeredAt],
  ], t(ok ? 'goodStanding' : 'notGoodStanding')];
}

function certificateCard(certificate) {
  const { detail, issuer, scheme } = certificate;
  const accreditation = issuer.accreditationNow;
  return [certificate.valid, certificate.status, [
    ['status', certificate.status], ['reason', detail.reason],
    ['revokedAt', detail.revokedAt], ['expiredAt', detail.expiredAt], ['suspendedSince', detail.suspendedSince],
    ['validUntil', certificate.valid ? (detail.validUntil ?? t('forLife')) : null],
    ['scheme', [scheme.profession, scheme.level].filter(Boolean).join(' · ')],
    ['issuer', issuer.uscc], ['accreditedAtIssue', yesNo(issuer.accreditedAtIssue)],
    ['issuerNow', accreditation ? `${accreditation.status} (${accreditation.validFrom} – ${accreditation.validUntil})` : t('none')],
    ['issuedAt', certificate.issuedAt],
  ], t(certificate.valid ? 'certificateValid' : 'certificateInvalid')];
}

function declarationCard(declaration) {
  const released = declaration.status === 'Released';
  return [released, declaration.status, [
    ['status', declaration.status], ['lane', declaration.lane], ['declarant', declaration.declarant],
    ['lodgedAt', declaration.lodgedAt], ['releasedAt', declaration.releasedAt],
    ['clearance', declaration.clearanceSeconds === null ? null : `${declaration.clearanceSeconds} ${t('seconds')}`],
  ], `${t('declarationStatus')} ${declaration.ucr}: ${declaration.status}`];
}

const CARDS = { company: companyCard, certificate: certificateCard, declaration: declarationCard };
const ERRORS = { 0: 'errNetwork', 4000: 'errMalformed', 4040: 'errNotFound', 4100: 'errUnknownBlock', 4101: 'errPruned' };

function render(kind, answer) {
  const target = document.getElementById('answer');
  if (answer.error) {
    const card = element('div', { className: 'card bad', role: 'alert' },
      element('p', { className: 'verdict', textContent: t(ERRORS[answer.error.code] ?? 'errOther') }),
      element('p', { className: 'detail', textContent: answer.error.message }),
      answer.error.code === 0 ? element('p', { className: 'hint' },
        ...t('errNetworkHint').split('{cors}').flatMap((text, index) =>
          (index ? [element('code', { textContent: '--rpc-cors' }), text] : [text]))) : null);
    target.replaceChildren(card);
    // Unreachable: open the node's address for editing.
    if (answer.error.code === 0) document.querySelector('details').open = true;
    return;
  }
  const [ok, status, pairs, verdict] = CARDS[kind](answer.result);
  const card = element('div', { className: `card ${ok ? 'ok' : 'bad'}` },
    element('p', { className: 'verdict', textContent: verdict }), facts(pairs), readAt(answer.result.at));
  card.dataset.status = status;
  target.replaceChildren(card);
}

async function check(event) {
  event.preventDefault();
  const code = document.getElementById('code').value.trim();
  const kind = kindOf(code);
  const target = document.getElementById('answer');
  target.replaceChildren(element('p', { textContent: t('checking') }));
  const [method, params] = {
    company: ['govchain_company', [code.toUpperCase()]],
    certificate: ['govchain_certificate', [Number(code)]],
    declaration: ['govchain_declaration', [code]],
  }[kind];
  try {
    lastAnswer = [kind, await call(method, params)];
  } catch (error) {
    lastAnswer = [kind, { error: { code: 0, message: `${nodeInput.value}: ${error.message}` } }];
  }
  render(...lastAnswer);
}

document.getElementById('query').addEventListener('submit', check);
document.getElementById('language').addEventListener('click', () => {
  language = language === 'zh' ? 'en' : 'zh';
  applyLanguage();
});
applyLanguage();
