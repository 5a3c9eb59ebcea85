//! Storage migrations of the company registry, one module per storage version reached.
//!
//! A migration stays in the runtime until the chains it serves have run it: version 0 to 1
//! ran with runtime spec 102 and was removed with version 2 (it is in the repository's
//! history).

/// Version 1 to 2: shareholders' capital, annual reports with public data and corrections,
/// and the indexes by list and by report owed.
///
/// - A shareholding's basis points become its subscribed capital: that share of the
///   registered capital as it stood, rounded down, the rounding remainder going to the
///   first shareholder when the shares made the whole. Version 1 recorded neither payments,
///   form of contribution nor deadlines: paid-in capital is 0 and the form and deadline are
///   `None` ("not recorded") until the company publishes payments and the registrar
///   amends the capital. History entries are converted with the capital of their time, by
///   replaying each company's history: a change of capital or of shareholders becomes one
///   `Capital` amendment.
/// - An annual report keeps its figures as published and has no public data (`None`):
///   version 1 recorded figures only.
/// - Each company is entered on its lists and under the report it owes.
///
/// The work is one read and one write per company, history entry and report, and up to
/// eight index writes per company, in the upgrade's block; try-runtime reports the weight
/// before the council votes. Values version 1 stored that cannot be read make
/// `pre_upgrade` fail rather than be dropped.
pub mod v2 {
	use crate::{pallet::*, types::*};
	use alloc::vec::Vec;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use govchain_domain_types::{
		AbnormalListing, AgencyOfficer, CheckFailures, CivilDate, CompanyStatus, DivisionCode,
		IndustryCode, Money, PartyRef, UnixMillis, Uscc,
	};
	use polkadot_sdk::{
		frame_support::{
			ensure,
			migrations::VersionedMigration,
			storage_alias,
			traits::{Get, UncheckedOnRuntimeUpgrade},
			weights::Weight,
			Blake2_128Concat, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
			Twox64Concat,
		},
		frame_system::pallet_prelude::BlockNumberFor,
		sp_core::H256,
		sp_runtime::TryRuntimeError,
	};
	use scale_info::TypeInfo;

	/// The types of storage version 1, as far as they differ from version 2.
	pub mod v1 {
		use super::*;

		/// A shareholder and its share in basis points, as version 1 recorded it.
		#[derive(Clone, Copy, PartialEq, Eq, Debug)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		pub struct Shareholding {
			pub party: PartyRef,
			pub basis_points: u16,
		}

		/// The particulars in version 1.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub struct Particulars<T: Config> {
			pub legal_name: Text<T::MaxNameLength>,
			pub english_name: Option<Text<T::MaxNameLength>>,
			pub kind: CompanyKind,
			pub registered_capital: Money,
			pub registered_address: Text<T::MaxAddressLength>,
			pub division: DivisionCode,
			pub business_scope: Text<T::MaxScopeLength>,
			pub industry: IndustryCode,
			pub established_on: CivilDate,
			pub legal_representative: H256,
			pub shareholders: BoundedVec<Shareholding, T::MaxShareholders>,
			pub key_personnel: BoundedVec<KeyPerson, T::MaxKeyPersonnel>,
		}

		/// A company record in version 1.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub struct Company<T: Config> {
			pub particulars: Particulars<T>,
			pub status: CompanyStatus,
			pub abnormal_listings: BoundedVec<
				AbnormalListing,
				polkadot_sdk::frame_support::traits::ConstU32<MAX_ABNORMAL_LISTINGS>,
			>,
			pub serious_violation_since: Option<UnixMillis>,
			pub accepted_check_failures: CheckFailures,
			pub registered_by: AgencyOfficer<T::AccountId>,
			pub registered_at: UnixMillis,
			pub controllers: BoundedVec<T::AccountId, T::MaxControllers>,
			pub contact: Contact<T>,
			pub next_report_year: u16,
		}

		/// An amendment in version 1.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub enum Amendment<T: Config> {
			Name {
				legal_name: Text<T::MaxNameLength>,
				english_name: Option<Text<T::MaxNameLength>>,
			},
			Kind(CompanyKind),
			RegisteredCapital(Money),
			RegisteredAddress {
				address: Text<T::MaxAddressLength>,
				division: DivisionCode,
			},
			BusinessScope(Text<T::MaxScopeLength>),
			Industry(IndustryCode),
			LegalRepresentative(H256),
			Shareholders(BoundedVec<Shareholding, T::MaxShareholders>),
			KeyPersonnel(BoundedVec<KeyPerson, T::MaxKeyPersonnel>),
		}

		/// A change in version 1.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub enum Change<T: Config> {
			Registered {
				particulars: Particulars<T>,
				controllers: BoundedVec<T::AccountId, T::MaxControllers>,
				accepted_check_failures: CheckFailures,
			},
			Amended(Amendment<T>),
			StatusChanged {
				from: CompanyStatus,
				to: CompanyStatus,
			},
			ControllersSet(BoundedVec<T::AccountId, T::MaxControllers>),
			ContactUpdated(Contact<T>),
			AnnualReportFiled {
				year: u16,
				late: bool,
			},
			Listed(AbnormalListing),
			ListingRemoved(AbnormalListing),
			SeriousViolationListed {
				since: UnixMillis,
			},
		}

		/// A history entry in version 1.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub struct ChangeRecord<T: Config> {
			pub at: UnixMillis,
			pub block: BlockNumberFor<T>,
			pub actor: Actor<T::AccountId>,
			pub change: Change<T>,
			pub reason: Text<T::MaxReasonLength>,
		}

		/// An annual report in version 1: figures only, all published.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub struct AnnualReport<T: Config> {
			pub figures: ReportFigures,
			pub document_hash: H256,
			pub filed_by: T::AccountId,
			pub filed_at: UnixMillis,
			pub late: bool,
		}

		/// `Companies` as version 1 stored it.
		#[storage_alias]
		pub type Companies<T: Config> = StorageMap<Pallet<T>, Blake2_128Concat, Uscc, Company<T>>;

		/// `History` as version 1 stored it.
		#[storage_alias]
		pub type History<T: Config> =
			StorageDoubleMap<Pallet<T>, Blake2_128Concat, Uscc, Twox64Concat, u32, ChangeRecord<T>>;

		/// `AnnualReports` as version 1 stored it.
		#[storage_alias]
		pub type AnnualReports<T: Config> =
			StorageDoubleMap<Pallet<T>, Blake2_128Concat, Uscc, Twox64Concat, u16, AnnualReport<T>>;
	}

	/// The migration as the runtime lists it: runs once, when the stored version is 1.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as polkadot_sdk::frame_system::Config>::DbWeight,
	>;

	/// The migration's work, without the version check (use [`MigrateV1ToV2`]).
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut reads: u64 = 0;
			let mut writes: u64 = 0;
			let codes: Vec<Uscc> = v1::Companies::<T>::iter_keys().collect();
			for uscc in codes {
				reads = reads.saturating_add(2);
				// `pre_upgrade` checks that every record decodes.
				let Some(old) = v1::Companies::<T>::take(uscc) else { continue };
				let length = HistoryLength::<T>::get(uscc);
				// The registration entry sets it; the record's own stands in for a history
				// without one (which `try_state` reports).
				let mut capital =
					(old.particulars.registered_capital, old.particulars.shareholders.clone());
				for index in 0..length {
					let Some(entry) = v1::History::<T>::get(uscc, index) else { continue };
					History::<T>::insert(uscc, index, record(entry, &mut capital));
				}
				reads = reads.saturating_add(length.into());
				// Lists and reports owed: at most three lists and one year, with their counts.
				writes = writes.saturating_add(u64::from(length).saturating_add(9));
				Pallet::<T>::store_company(&uscc, company(old));
			}
			AnnualReports::<T>::translate::<v1::AnnualReport<T>, _>(|_, _, old| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1);
				Some(report(old))
			});
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			pre_upgrade_state::<T>()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			check_post_upgrade::<T>(state)
		}
	}

	/// Version 1 shares of `capital` as version 2 subscriptions: each share rounded down,
	/// the remainder to the first shareholder if the shares made the whole.
	pub(crate) fn subscriptions<T: Config>(
		capital: u128,
		shares: &BoundedVec<v1::Shareholding, T::MaxShareholders>,
	) -> BoundedVec<Shareholding, T::MaxShareholders> {
		// capital * bp / 10,000 without overflow: bp <= 10,000 keeps both terms in range.
		let share = |basis_points: u16| {
			let basis_points = u128::from(basis_points);
			(capital / 10_000)
				.saturating_mul(basis_points)
				.saturating_add((capital % 10_000).saturating_mul(basis_points) / 10_000)
		};
		let mut converted: Vec<Shareholding> = shares
			.iter()
			.map(|holding| Shareholding {
				party: holding.party,
				subscribed: share(holding.basis_points),
				paid_in: 0,
				form: None,
				subscription_deadline: None,
			})
			.collect();
		let whole =
			shares.iter().map(|holding| u32::from(holding.basis_points)).sum::<u32>() == 10_000;
		let allotted = converted
			.iter()
			.fold(0u128, |sum, holding| sum.saturating_add(holding.subscribed));
		if let (true, Some(first)) = (whole, converted.first_mut()) {
			first.subscribed = first.subscribed.saturating_add(capital.saturating_sub(allotted));
		}
		// As many as before, within the same bound.
		BoundedVec::truncate_from(converted)
	}

	/// Version 1 particulars in the version 2 layout.
	pub(crate) fn particulars<T: Config>(old: v1::Particulars<T>) -> Particulars<T> {
		Particulars {
			shareholders: subscriptions::<T>(old.registered_capital.amount, &old.shareholders),
			legal_name: old.legal_name,
			english_name: old.english_name,
			kind: old.kind,
			registered_capital: old.registered_capital,
			registered_address: old.registered_address,
			division: old.division,
			business_scope: old.business_scope,
			industry: old.industry,
			established_on: old.established_on,
			legal_representative: old.legal_representative,
			key_personnel: old.key_personnel,
		}
	}

	/// A version 1 company in the version 2 layout.
	pub(crate) fn company<T: Config>(old: v1::Company<T>) -> Company<T> {
		Company {
			particulars: particulars(old.particulars),
			status: old.status,
			abnormal_listings: old.abnormal_listings,
			serious_violation_since: old.serious_violation_since,
			accepted_check_failures: old.accepted_check_failures,
			registered_by: old.registered_by,
			registered_at: old.registered_at,
			controllers: old.controllers,
			contact: old.contact,
			next_report_year: old.next_report_year,
		}
	}

	/// The registered capital and shares as version 1 recorded them.
	pub(crate) type V1Capital<T> =
		(Money, BoundedVec<v1::Shareholding, <T as Config>::MaxShareholders>);

	/// A version 1 history entry in the version 2 layout. `capital` carries the registered
	/// capital and shares as of the entries converted so far, oldest first.
	pub(crate) fn record<T: Config>(
		old: v1::ChangeRecord<T>,
		capital: &mut V1Capital<T>,
	) -> ChangeRecord<T> {
		let change = match old.change {
			v1::Change::Registered {
				particulars: registered,
				controllers,
				accepted_check_failures,
			} => {
				*capital = (registered.registered_capital, registered.shareholders.clone());
				Change::Registered {
					particulars: particulars(registered),
					controllers,
					accepted_check_failures,
				}
			},
			v1::Change::Amended(amendment) => Change::Amended(amendment_v2(amendment, capital)),
			v1::Change::StatusChanged { from, to } => Change::StatusChanged { from, to },
			v1::Change::ControllersSet(controllers) => Change::ControllersSet(controllers),
			v1::Change::ContactUpdated(contact) => Change::ContactUpdated(contact),
			v1::Change::AnnualReportFiled { year, late } => {
				Change::AnnualReportFiled { year, late }
			},
			v1::Change::Listed(listing) => Change::Listed(listing),
			v1::Change::ListingRemoved(listing) => Change::ListingRemoved(listing),
			v1::Change::SeriousViolationListed { since } => {
				Change::SeriousViolationListed { since }
			},
		};
		ChangeRecord { at: old.at, block: old.block, actor: old.actor, change, reason: old.reason }
	}

	/// A version 1 amendment in the version 2 layout: a new capital or new shares become a
	/// `Capital` amendment made with the other half as it stood.
	fn amendment_v2<T: Config>(old: v1::Amendment<T>, capital: &mut V1Capital<T>) -> Amendment<T> {
		let mut capital_amendment = |money: Option<Money>, shares: Option<BoundedVec<_, _>>| {
			let money = money.unwrap_or(capital.0);
			let shares = shares.unwrap_or_else(|| capital.1.clone());
			let shareholders = subscriptions::<T>(money.amount, &shares);
			*capital = (money, shares);
			Amendment::Capital { registered_capital: money, shareholders }
		};
		match old {
			v1::Amendment::Name { legal_name, english_name } => {
				Amendment::Name { legal_name, english_name }
			},
			v1::Amendment::Kind(kind) => Amendment::Kind(kind),
			v1::Amendment::RegisteredCapital(money) => capital_amendment(Some(money), None),
			v1::Amendment::Shareholders(shares) => capital_amendment(None, Some(shares)),
			v1::Amendment::RegisteredAddress { address, division } => {
				Amendment::RegisteredAddress { address, division }
			},
			v1::Amendment::BusinessScope(scope) => Amendment::BusinessScope(scope),
			v1::Amendment::Industry(industry) => Amendment::Industry(industry),
			v1::Amendment::LegalRepresentative(hash) => Amendment::LegalRepresentative(hash),
			v1::Amendment::KeyPersonnel(people) => Amendment::KeyPersonnel(people),
		}
	}

	/// A version 1 annual report in the version 2 layout.
	pub(crate) fn report<T: Config>(old: v1::AnnualReport<T>) -> AnnualReport<T> {
		AnnualReport {
			public: None,
			figures: FiguresDisclosure::Published(old.figures),
			document_hash: old.document_hash,
			filed_by: old.filed_by,
			filed_at: old.filed_at,
			late: old.late,
			corrections: 0,
		}
	}

	/// Companies whose version 1 record `pre_upgrade` keeps to compare after the upgrade.
	const SAMPLES: usize = 32;

	/// What `pre_upgrade` hands to `post_upgrade`: counts, and sampled companies as
	/// version 2 must read them, with their history lengths.
	#[derive(Encode, Decode)]
	struct PreUpgrade<T: Config> {
		companies: u32,
		history_entries: u32,
		reports: u32,
		samples: Vec<(Uscc, Company<T>, u32)>,
	}

	fn count(iterator: impl Iterator) -> u32 {
		u32::try_from(iterator.count()).unwrap_or(u32::MAX)
	}

	/// Counts the version 1 records, checks that every one of them can be read, and keeps
	/// a sample of companies as version 2 must read them.
	pub fn pre_upgrade_state<T: Config>() -> Result<Vec<u8>, TryRuntimeError> {
		let companies = count(v1::Companies::<T>::iter_keys());
		ensure!(
			count(v1::Companies::<T>::iter_values()) == companies,
			"a version 1 company cannot be read: it would be lost"
		);
		let history_entries = count(v1::History::<T>::iter_keys());
		ensure!(
			count(v1::History::<T>::iter_values()) == history_entries,
			"a version 1 history entry cannot be read: it would be lost"
		);
		let reports = count(v1::AnnualReports::<T>::iter_keys());
		ensure!(
			count(v1::AnnualReports::<T>::iter_values()) == reports,
			"a version 1 annual report cannot be read: it would be lost"
		);
		let samples = v1::Companies::<T>::iter()
			.take(SAMPLES)
			.map(|(uscc, old)| (uscc, company(old), HistoryLength::<T>::get(uscc)))
			.collect();
		Ok(PreUpgrade::<T> { companies, history_entries, reports, samples }.encode())
	}

	/// Checks that every record was carried over and reads back, the samples in full and
	/// their registration entries, every company on its lists, and the register's
	/// invariants.
	pub fn check_post_upgrade<T: Config>(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let before = PreUpgrade::<T>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state cannot be decoded")?;
		ensure!(count(Companies::<T>::iter_values()) == before.companies, "companies were lost");
		ensure!(
			count(History::<T>::iter_values()) == before.history_entries,
			"history entries were lost"
		);
		ensure!(count(AnnualReports::<T>::iter_values()) == before.reports, "reports were lost");
		let lifecycle_lists = [
			CompanyList::Active,
			CompanyList::Suspended,
			CompanyList::Liquidating,
			CompanyList::Revoked,
			CompanyList::Deregistered,
			CompanyList::Cancelled,
		];
		let listed = lifecycle_lists
			.iter()
			.map(|list| ListLength::<T>::get(list))
			.fold(0u32, u32::saturating_add);
		ensure!(listed == before.companies, "a company is missing from the status lists");
		for (uscc, expected, history_length) in before.samples {
			let new = Companies::<T>::get(uscc).ok_or("a sampled company is missing")?;
			ensure!(new == expected, "a sampled company changed");
			ensure!(
				HistoryLength::<T>::get(uscc) == history_length,
				"a sampled company's history length changed"
			);
			let registration = History::<T>::get(uscc, 0).ok_or("a registration entry is lost")?;
			ensure!(
				matches!(
					registration.change,
					Change::Registered { ref particulars, .. }
						if history_length > 1 || *particulars == new.particulars
				),
				"a sampled registration entry was not carried over"
			);
		}
		Pallet::<T>::do_try_state()
	}
}
