// polkadot.js inspects govchain from the runtime's metadata alone, as polkadot.js apps does,
// without custom types: on a dev chain that the Beijing scenario (scripts/scenario.sh) filled
// with data in every govchain pallet, the metadata names all seven govchain pallets; every
// storage item of theirs reads, every key and value decodes and encodes back to the bytes
// stored; every constant reads; every method of govchain's runtime APIs answers through
// `api.call` with arguments taken from the chain's data, in a value that encodes back to the
// runtime's answer; and a call each pallet refuses reports its error by name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { stringCamelCase, u8aConcat, u8aToHex } from '@polkadot/util';
import { companyParticulars } from './fixtures.js';
import { sendAndWatch } from './node-process.js';

/** govchain's pallets, by their section names in polkadot.js. */
const GOVCHAIN_PALLETS = [
  'agencies', 'governance', 'validators', 'companyRegistry', 'customs', 'disclosures', 'certification',
];

/** The runtime APIs Substrate and FRAME define; every other one in the metadata is govchain's. */
const SUBSTRATE_APIS = new Set([
  'Core', 'Metadata', 'BlockBuilder', 'TaggedTransactionQueue', 'OffchainWorkerApi', 'AuraApi',
  'SessionKeys', 'GrandpaApi', 'AccountNonceApi', 'TransactionPaymentApi',
  'TransactionPaymentCallApi', 'GenesisBuilder', 'Benchmark', 'TryRuntime',
]);

let api;

/** The metadata's govchain pallets, with their polkadot.js section names. */
function govchainPallets() {
  return api.runtimeMetadata.asLatest.pallets
    .map((pallet) => ({ pallet, section: stringCamelCase(pallet.name) }))
    .filter(({ section }) => GOVCHAIN_PALLETS.includes(section));
}

/** An API pinned to the best block now: the walk reads one state, though blocks go on. */
async function pinned() {
  const hash = await api.rpc.chain.getBlockHash();
  return { hash, apiAt: await api.at(hash) };
}

/** Decodes `codec` for display as apps does, failing with `what` if it cannot. */
function display(codec, what) {
  assert.doesNotThrow(() => {
    JSON.stringify(codec.toJSON());
    JSON.stringify(codec.toHuman());
  }, `${what} decodes for display`);
}

/**
 * Registers the walk's tests, to run on `chainNode()` once the Beijing scenario filled it
 * (scenario.test.js calls this after its own tests, so that both share one chain).
 */
export function metadataWalk(chainNode) {
  /** Connects on the first test: the chain is started and filled by then. */
  const connected = async () => {
    api ??= await chainNode().api();
  };

  test('the metadata names all seven govchain pallets', async () => {
    await connected();
    const sections = govchainPallets().map(({ section }) => section);
    assert.deepEqual([...sections].sort(), [...GOVCHAIN_PALLETS].sort());
  });

  test('every storage item of the govchain pallets reads, and decodes to the bytes stored', async () => {
    await connected();
    const { hash, apiAt } = await pinned();
    const raw = (key) => api.rpc.state.getStorage.raw(key, hash);
    // The SCALE encoding of a value as read: an optional item's value is stored unwrapped.
    // (Not `toHex()`: it prints integers big-endian.)
    const encoded = (item, value) => u8aToHex((item.modifier.isOptional ? value.unwrap() : value).toU8a());
    const entriesOf = {};

    for (const { pallet, section } of govchainPallets()) {
      entriesOf[section] = {};
      const version = await apiAt.query[section]?.palletVersion?.();
      if (version) display(version, `${section}.palletVersion`);
      const items = pallet.storage.isSome ? pallet.storage.unwrap().items : [];
      for (const item of items) {
        const name = stringCamelCase(item.name);
        const what = `${section}.${name}`;
        const query = apiAt.query[section]?.[name];
        assert.ok(query, `${what} is decorated from the metadata`);

        if (item.type.isPlain) {
          const value = await query();
          display(value, what);
          const stored = await raw(query.key());
          if (stored === null) {
            // Never written: absent, or the item's default as the metadata declares it.
            if (item.modifier.isOptional) assert.ok(value.isNone, `${what} is absent, reads None`);
            else assert.equal(u8aToHex(value.toU8a()), item.fallback.toHex(), `${what} reads its default`);
          } else {
            assert.equal(encoded(item, value), stored, `${what} encodes back to the bytes stored`);
          }
          continue;
        }

        const entries = await query.entries();
        entriesOf[section][name] = entries.length;
        const stored = await Promise.all(entries.map(([key]) => raw(key)));
        entries.forEach(([key, value], index) => {
          const at = `${what}(${JSON.stringify(key.args.map((arg) => arg.toHuman()))})`;
          key.args.forEach((arg) => display(arg, `a key of ${what}`));
          assert.equal(query.key(...key.args), key.toHex(), `${at}: the decoded key hashes back to the key`);
          display(value, at);
          assert.equal(encoded(item, value), stored[index], `${at} encodes back to the bytes stored`);
        });
      }
    }

    // Not a vacuous walk: every pallet with storage holds entries in one of its maps (the
    // scenario's data, and the validators and agencies from genesis). Governance keeps none.
    assert.deepEqual(entriesOf.governance, {}, 'governance has no storage of its own');
    for (const section of GOVCHAIN_PALLETS.filter((name) => name !== 'governance')) {
      const counts = entriesOf[section];
      assert.ok(Object.values(counts).some((count) => count > 0),
        `${section} has a map with entries: ${JSON.stringify(counts)}`);
    }
    assert.ok(entriesOf.companyRegistry.companies >= 12, 'the scenario\'s twelve companies');
    assert.ok(entriesOf.customs.declarations >= 4, 'a declaration on each lane');
    assert.ok(entriesOf.certification.certificates >= 5, 'five certificates');
    assert.ok(entriesOf.disclosures.filings >= 2, 'an annual report and an event');
    assert.ok(entriesOf.agencies.agencies >= 8, 'four founding agencies and four admitted');
  });

  test('every constant of the govchain pallets reads as the metadata encodes it', async () => {
    await connected();
    let read = 0;
    for (const { pallet, section } of govchainPallets()) {
      for (const constant of pallet.constants) {
        const name = stringCamelCase(constant.name);
        const value = api.consts[section]?.[name];
        assert.ok(value, `${section}.${name} is decorated from the metadata`);
        display(value, `${section}.${name}`);
        assert.equal(u8aToHex(value.toU8a()), constant.value.toHex(), `${section}.${name} encodes as the metadata`);
        read += 1;
      }
    }
    assert.ok(read > 0, 'the pallets declare constants');
  });

  /** Marks a runtime API argument built as its metadata type's default value. */
  const DEFAULT = Symbol('the default value of the parameter\'s type');

  /**
   * What each method of govchain's runtime APIs must answer on the scenario's data. A method
   * the runtime declares and this table does not fails the test: add it, and any parameter
   * name that is new to `argumentsFrom` below.
   */
  const EXPECT = {
    CompanyRegistryApi: {
      company: (result) => result.unwrap().standing.status.isActive,
      history: (page) => page.total.toNumber() > 0 && page.records.length > 0,
      annual_report: (result) => result.isNone || result.isSome,
      superseded_report: (result) => result.isNone || result.isSome,
      withheld_figures_match: (result) => result.isNone || result.isSome,
      companies_on_list: (page) => page.companies.length > 0 && page.total.toNumber() >= page.companies.length,
      companies_owing_report: (page) => page.companies.length > 0,
    },
    CustomsApi: {
      declaration: (result) => result.unwrap().status.isReleased,
      history: (entries) => entries.length >= 6,
      declarations_of: ([declarations]) => declarations.length > 0,
      clearance_by_lane: (lanes) => lanes.length === 4,
      clearance_at_office: (figures) => figures.count.toNumber() >= 4,
    },
    DisclosuresApi: {
      latest_filing: (result) => result.isSome,
      filing: (result) => result.isSome,
      versions: (filings) => filings.length > 0,
      attestations: (attestations) => attestations.length > 0,
      annotations: (annotations) => Array.isArray(annotations),
      filings_of: ([filings]) => filings.length > 0,
      flags: (flags) => Array.isArray(flags),
      auditor: (result) => result.unwrap().status.isAccredited,
    },
    CertificationApi: {
      verify: (result) => result.isSome,
      verify_holder: (result) => result.isSome,
      scheme: (result) => result.isSome,
      accreditation: (result) => result.isSome,
      renewals: (renewals) => Array.isArray(renewals),
    },
  };

  /** The domain values the runtime APIs are called with, by parameter name, from the chain. */
  async function argumentsFrom(apiAt) {
    const filings = await apiAt.query.disclosures.filings.keys();
    const annual = filings.map(({ args }) => args).find(([, period]) => period.isFiscalYear);
    assert.ok(annual, 'the scenario filed an annual report');
    const [company, period, version] = annual;
    const declarations = await apiAt.query.customs.historyLength.entries();
    assert.ok(declarations.length > 0, 'customs holds declarations');
    // The declaration with the longest history: the one held, amended and released.
    const [[{ args: [ucr] }]] = declarations.sort(([, a], [, b]) => b.toNumber() - a.toNumber());
    const [{ args: [declarant] }] = await apiAt.query.customs.declarationsByDeclarant.keys();
    const [{ args: [office] }] = await apiAt.query.customs.officeStatistics.keys();
    const [{ args: [firm] }] = await apiAt.query.disclosures.auditors.keys();
    const [{ args: [owedYear] }] = await apiAt.query.companyRegistry.reportsOwedCount.keys();
    const ids = (await apiAt.query.certification.certificates.keys()).map(({ args: [id] }) => id.toNumber());
    const id = Math.min(...ids); // 0 on a fresh chain
    const certificate = (await apiAt.query.certification.certificates(id)).unwrap();
    return {
      byName: {
        uscc: company,
        company,
        year: period.asFiscalYear,
        version,
        period,
        filing: { company, period, version },
        firm,
        list: 'Active',
        ucr,
        declarant,
        office,
        id,
        holder: certificate.holder,
        scheme: certificate.scheme,
        body: certificate.issuer,
        start: 0,
        count: 10,
        start_after: null,
        // Figures a company might have withheld (the currency must be a real one: the runtime
        // refuses to decode any other), and a salt.
        figures: {
          currency: 'CNY', totalAssets: 0, totalLiabilities: 0, revenue: 0, netProfit: 0, taxPaid: 0, employees: 0,
        },
        salt: DEFAULT,
      },
      byMethod: {
        // The year whose reports the scenario's companies owe.
        'CompanyRegistryApi.companies_owing_report': { year: owedYear },
      },
    };
  }

  test('every method of govchain\'s runtime APIs answers through api.call', async () => {
    await connected();
    const { hash, apiAt } = await pinned();
    const runtimeApis = api.runtimeMetadata.asLatest.apis.filter(({ name }) => !SUBSTRATE_APIS.has(name.toString()));
    assert.deepEqual(runtimeApis.map(({ name }) => name.toString()).sort(), Object.keys(EXPECT).sort(),
      'govchain\'s runtime APIs are the ones this test covers');
    const { byName, byMethod } = await argumentsFrom(apiAt);

    for (const runtimeApi of runtimeApis) {
      const apiName = runtimeApi.name.toString();
      const section = stringCamelCase(apiName);
      assert.deepEqual(runtimeApi.methods.map(({ name }) => name.toString()).sort(),
        Object.keys(EXPECT[apiName]).sort(), `the methods of ${apiName} are the ones this test covers`);
      for (const method of runtimeApi.methods) {
        const methodName = method.name.toString();
        const what = `${apiName}.${methodName}`;
        const args = method.inputs.map(({ name, type }) => {
          const param = name.toString();
          const value = byMethod[what]?.[param] ?? byName[param];
          assert.ok(value !== undefined, `no value for parameter ${param} of ${what}: add one to the table`);
          // Typed from the metadata: a value of the wrong shape fails here.
          const typeName = api.registry.createLookupType(type);
          return value === DEFAULT ? api.registry.createType(typeName) : api.registry.createType(typeName, value);
        });
        const call = apiAt.call[section]?.[stringCamelCase(methodName)];
        assert.ok(call, `api.call.${section}.${stringCamelCase(methodName)} is decorated from the metadata`);
        const result = await call(...args);
        display(result, what);
        const answer = await api.rpc.state.call(`${apiName}_${methodName}`,
          u8aToHex(u8aConcat(...args.map((arg) => arg.toU8a()))), hash);
        assert.equal(u8aToHex(result.toU8a()), answer.toHex(), `${what} decodes the runtime's whole answer`);
        const shown = args.map((arg) => JSON.stringify(arg.toHuman())).join(', ');
        assert.ok(EXPECT[apiName][methodName](result),
          `${what}(${shown}) answers ${JSON.stringify(result.toHuman()).slice(0, 600)}`);
      }
    }
  });

  test('a call each govchain pallet refuses reports the error by name', async () => {
    await connected();
    const keyring = new Keyring({ type: 'sr25519' });
    const account = (uri) => keyring.addFromUri(uri);
    const [alice, bob, charlie, dave, eve, ferdie] =
      ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map(account);

    const companies = await api.query.companyRegistry.companies.entries();
    const eves = companies.find(([, company]) => company.unwrap().registeredBy.officer.eq(eve.address));
    assert.ok(eves, 'Eve registered a company in the scenario');
    const [{ args: [registered] }] = eves;
    const [{ args: [auditor] }] = await api.query.disclosures.auditors.keys();
    const revoked = (await api.query.certification.certificates.entries())
      .find(([, certificate]) => certificate.unwrap().state.isRevoked);
    assert.ok(revoked, 'the scenario revoked a certificate');
    const [{ args: [revokedId] }] = revoked;
    const [{ args: [validator] }] = await api.query.validators.validators.keys();

    // Each from its own account, so that all go in parallel; each passes the pool (signed by
    // a funded account) and fails in dispatch.
    const refusals = [
      // Eve, the market regulator's officer, registers a code already in the register.
      [api.tx.companyRegistry.register(registered, companyParticulars(), [],
        { organisationCheck: false, codeCheck: false }, 'Registered twice'), eve, 'companyRegistry.AlreadyRegistered'],
      // Ferdie, the customs officer, releases a declaration never lodged.
      [api.tx.customs.release('CN-NEVER-LODGED'), ferdie, 'customs.UnknownDeclaration'],
      // Charlie, the securities regulator's admin, accredits an audit firm accredited already.
      [api.tx.disclosures.accreditAuditor(auditor), charlie, 'disclosures.AlreadyAccredited'],
      // Dave, the human-resources bureau's admin, revokes the certificate the school revoked.
      [api.tx.certification.revoke(revokedId, 'Revoked twice'), dave, 'certification.CertificateRevoked'],
      // Alice, the market regulator's admin, appoints customs' officer Ferdie.
      [api.tx.agencies.addOfficer(ferdie.address), alice, 'agencies.AlreadyAnOfficer'],
      // Bob, the customs admin, proposes the validator the chain already has.
      [api.tx.validators.proposeAddition(validator), bob, 'validators.AlreadyValidator'],
      // Governance declares no errors: its one call's only check is the council's origin, so
      // a signed call fails with the system's BadOrigin, which apps shows as such.
      [api.tx.governance.authorizeUpgrade(`0x${'ab'.repeat(32)}`), account('//Alice//stash'), 'BadOrigin'],
    ];
    const governance = govchainPallets().find(({ section }) => section === 'governance').pallet;
    assert.ok(governance.errors.isNone, 'governance declares no errors of its own');
    assert.deepEqual(new Set(refusals.map(([tx]) => tx.method.section)), new Set(GOVCHAIN_PALLETS),
      'a refusal for every govchain pallet');

    await Promise.all(refusals.map(async ([tx, signer, expected]) => {
      const what = `${tx.method.section}.${tx.method.method}`;
      await assert.rejects(sendAndWatch(tx, signer), (error) => {
        assert.equal(error.message, `dispatch failed: ${expected}`, `${what} is refused in dispatch with ${expected}`);
        return true;
      });
      const [section, name] = expected.split('.');
      if (name) {
        // Apps shows the error's documentation from the metadata with its name.
        const { meta } = api.errors[section][name];
        assert.ok(meta.docs.length > 0, `${expected} is documented in the metadata`);
      }
    }));
  });
}
