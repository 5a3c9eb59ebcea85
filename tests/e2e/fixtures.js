// Records the end-to-end tests register, shared so that every test uses the same company.

/** A Chaoyang enterprise's code (both check characters hold; as the Rust fixtures). */
export const CHAOYANG_ENTERPRISE = '91110105MA01ABCD5F';

/**
 * Particulars of a Beijing company as polkadot.js submits them, in the layout of the
 * registry's storage version `registryVersion`: version 1 (runtime spec 102) recorded
 * shares in basis points, version 2 subscribed and paid-in capital.
 */
export function companyParticulars(registryVersion = 2) {
  const person = `0x${'21'.repeat(32)}`;
  const shareholders = registryVersion >= 2
    ? [{
      party: { Person: person },
      subscribed: 1_000_000_000n,
      paidIn: 250_000_000n,
      form: 'Cash',
      subscriptionDeadline: { year: 2030, month: 12, day: 31 },
    }]
    : [{ party: { Person: person }, basisPoints: 10_000 }];
  return {
    legalName: '北京链政科技有限公司',
    englishName: 'Beijing Govchain Technology Co., Ltd.',
    kind: 'LimitedLiabilityCompany',
    registeredCapital: { currency: 'CNY', amount: 1_000_000_000n },
    registeredAddress: '北京市朝阳区建国路1号',
    division: '110105',
    businessScope: '软件开发；区块链技术服务',
    industry: 'I6513',
    establishedOn: { year: 2026, month: 1, day: 15 },
    legalRepresentative: `0x${'11'.repeat(32)}`,
    shareholders,
    keyPersonnel: [{ role: 'ExecutiveDirector', party: { Person: `0x${'11'.repeat(32)}` } }],
  };
}
