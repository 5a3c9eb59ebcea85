//! # Customs clearance
//!
//! Declarations of goods entering or leaving China, checked against the shared company
//! register, routed to a risk lane, checked, and released — with the clearance time of each
//! and running figures per lane and per office, so that the claim that waits shrink can be
//! read on chain.
//!
//! ## Rules
//! - A declaration is lodged under its unique consignment reference (UCR) by a controller of
//!   the domestic declarant (the consignee of an import, the consignor of an export), or by
//!   a controller of a customs broker that customs registered, acting for it. The register
//!   is read, not copied: an unknown or closed company cannot lodge, and every domestic
//!   party must be registered.
//! - Lodged before the goods arrive, it waits for customs to record the arrival; otherwise
//!   the lane is assigned at lodgement. Assignment: the declarant's credit rating sets the
//!   base (AEO green, general blue, dishonest red), customs' risk rules (by HS chapter or
//!   heading, origin country, declarant) raise it, a company not in good standing in the
//!   register (on the abnormal or serious-violation list, or not active) is never on green
//!   or blue, and a random selection at the rate customs sets sends a declaration to a
//!   physical check (a documentary one for an AEO). Duty is assessed at the same time from
//!   the tariff table.
//! - Green and blue lanes release at once. Yellow and red are released by an officer once a
//!   passed check for the lane is recorded. Officers re-route, hold (query) and reject, with
//!   reasons; the declarant amends a held declaration or withdraws before release. Released,
//!   rejected and withdrawn are final.
//! - Every step is stamped with who and when in the declaration's history and emitted as an
//!   event. Clearance time runs from lodgement, or arrival if later, to release.
//!
//! Customs officers are `CustomsOrigin` (officers of an active agency holding the customs
//! role); companies are read only through `govchain_domain_types::CompanyRegistry`.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod checks;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(feature = "std")]
pub mod testing;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_domain_types::{AgencyOfficer, CompanyRegistry, UnixMillis, Uscc};
	use polkadot_sdk::{sp_core::H256, sp_runtime::Permill};

	/// Version 0: the layout the pallet launched with.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Customs officers, yielding the agency and officer who acted.
		type CustomsOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = AgencyOfficer<Self::AccountId>,
		>;

		/// The shared company register.
		type Registry: CompanyRegistry<Self::AccountId>;

		/// The chain's time (the timestamp pallet).
		type Time: UnixTime;

		/// Longest foreign party name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most lines of goods per declaration.
		#[pallet::constant]
		type MaxItems: Get<u32>;

		/// Most document hashes per declaration.
		#[pallet::constant]
		type MaxDocuments: Get<u32>;

		/// Most risk rules customs keeps (all are evaluated for every assignment).
		#[pallet::constant]
		type MaxRiskRules: Get<u32>;

		/// Longest reason, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need of the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: govchain_domain_types::benchmarking::RegisterCompany<Self::AccountId>;
	}

	/// Every declaration ever lodged, by UCR. Never removed.
	#[pallet::storage]
	pub type Declarations<T: Config> = StorageMap<_, Blake2_128Concat, Ucr, Declaration<T>>;

	/// Each declarant's declarations, for paging.
	#[pallet::storage]
	pub type DeclarationsByDeclarant<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Blake2_128Concat, Ucr, ()>;

	/// Each declaration's history, by UCR and entry number from 0.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Ucr, Twox64Concat, u32, HistoryEntry<T>>;

	/// Number of history entries of each declaration.
	#[pallet::storage]
	pub type HistoryLength<T: Config> = StorageMap<_, Blake2_128Concat, Ucr, u32, ValueQuery>;

	/// Companies customs registered as brokers, with the officer who did.
	#[pallet::storage]
	pub type Brokers<T: Config> =
		StorageMap<_, Blake2_128Concat, Uscc, AgencyOfficer<T::AccountId>>;

	/// Credit ratings customs gave; a company without one is rated general.
	#[pallet::storage]
	pub type CreditRatings<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, CreditRating>;

	/// The risk rules, evaluated in full for every lane assignment.
	#[pallet::storage]
	pub type RiskRules<T: Config> =
		StorageValue<_, BoundedVec<RiskRule, T::MaxRiskRules>, ValueQuery>;

	/// Share of declarations the random selection sends to a check.
	#[pallet::storage]
	pub type RandomSelectionRate<T: Config> = StorageValue<_, Permill, ValueQuery>;

	/// Draws made by the random selection, mixed into the next draw.
	#[pallet::storage]
	pub type SelectionNonce<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Duty rates in basis points by HS heading or subheading; a subheading's rate
	/// overrides its heading's, and goods under neither are duty-free.
	#[pallet::storage]
	pub type TariffRates<T: Config> = StorageMap<_, Twox64Concat, TariffLine, u32>;

	/// Clearance times of released declarations, by the lane they were released on.
	#[pallet::storage]
	pub type LaneStatistics<T: Config> =
		StorageMap<_, Twox64Concat, Lane, ClearanceStats, ValueQuery>;

	/// Clearance times of released declarations, by office of entry or exit.
	#[pallet::storage]
	pub type OfficeStatistics<T: Config> =
		StorageMap<_, Twox64Concat, OfficeCode, ClearanceStats, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A declaration was lodged, by the declarant or a broker for it.
		Lodged { ucr: Ucr, declarant: Uscc, broker: Option<Uscc>, pre_arrival: bool },
		/// Customs recorded the arrival of pre-declared goods.
		Arrived { ucr: Ucr, officer: AgencyOfficer<T::AccountId> },
		/// The lane was assigned and the duty assessed; `random` if the random selection
		/// chose the check.
		LaneAssigned { ucr: Ucr, lane: Lane, duty: u128, random: bool },
		/// An officer moved the declaration to another lane.
		Rerouted { ucr: Ucr, from: Lane, to: Lane, officer: AgencyOfficer<T::AccountId> },
		/// An officer recorded a check for the lane.
		Inspected { ucr: Ucr, lane: Lane, passed: bool, officer: AgencyOfficer<T::AccountId> },
		/// The goods were released after `clearance_millis`.
		Released { ucr: Ucr, lane: Lane, clearance_millis: u64 },
		/// An officer held (queried) the declaration.
		Held { ucr: Ucr, officer: AgencyOfficer<T::AccountId> },
		/// The declarant amended the held declaration; duty was assessed again.
		Amended { ucr: Ucr, duty: u128 },
		/// An officer rejected the declaration.
		Rejected { ucr: Ucr, officer: AgencyOfficer<T::AccountId> },
		/// The declarant withdrew the declaration.
		Withdrawn { ucr: Ucr },
		/// Customs registered a company as broker, or ended its registration.
		BrokerSet { uscc: Uscc, registered: bool },
		/// Customs rated a company (advanced certified is AEO status).
		CreditRatingSet { uscc: Uscc, rating: CreditRating },
		/// Customs replaced the risk rules.
		RiskRulesSet { count: u32 },
		/// Customs set the random selection's rate.
		RandomSelectionRateSet { rate: Permill },
		/// Customs set (or removed, `None`) a duty rate.
		TariffRateSet { line: TariffLine, basis_points: Option<u32> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A declaration with this UCR was lodged before (UCRs are never reused).
		AlreadyLodged,
		/// No declaration has this UCR.
		UnknownDeclaration,
		/// No company in the register has this code.
		UnknownCompany,
		/// The declarant is revoked, cancelled or deregistered in the register.
		CompanyClosed,
		/// The signer is not a controller of the declarant (or of the broker named).
		NotController,
		/// The company named as broker is not registered as a customs broker.
		NotABroker,
		/// The declarant is not the domestic consignee of an import or consignor of an
		/// export.
		DeclarantNotParty,
		/// A foreign party is established in China.
		ForeignPartyInChina,
		/// A foreign party's name is empty.
		EmptyName,
		/// A text is not valid UTF-8.
		NotUtf8,
		/// The office code is not four digits.
		InvalidOffice,
		/// A maritime Incoterm (FAS, FOB, CFR, CIF) with transport other than by water.
		IncotermNeedsWater,
		/// A declaration needs at least one line of goods.
		NoItems,
		/// A line's quantity is zero.
		ZeroQuantity,
		/// A line's value is zero.
		ZeroValue,
		/// A line's gross mass is below its net mass.
		GrossBelowNet,
		/// No invoice among the documents.
		MissingInvoice,
		/// A document hash is zero.
		EmptyDocumentHash,
		/// The duty does not fit the amount type.
		DutyOverflow,
		/// The declaration is not waiting for the goods.
		NotAwaitingArrival,
		/// The declaration is not under control (released, rejected, withdrawn, held or
		/// waiting for arrival).
		NotUnderControl,
		/// The declaration is not held.
		NotHeld,
		/// The declaration is released, rejected or withdrawn.
		DeclarationFinal,
		/// The declaration is already on that lane.
		SameLane,
		/// The declarant is not in good standing in the register: not on green or blue.
		NotInGoodStanding,
		/// Green and blue lanes need no check.
		NoCheckOnThisLane,
		/// The lane needs a passed check for it before release.
		CheckRequired,
		/// The check for the lane failed: hold or reject the declaration.
		CheckFailed,
		/// A report's hash is zero.
		EmptyReportHash,
		/// A reason is required.
		EmptyReason,
		/// A risk rule names a chapter or heading the HS does not have.
		InvalidRiskRule,
		/// A tariff line names a heading or subheading the HS does not have.
		InvalidTariffLine,
		/// A duty rate above 1,000 % (100,000 basis points).
		RateTooHigh,
		/// The broker registration is already as requested.
		BrokerUnchanged,
		/// The history has reached its numbering limit.
		HistoryFull,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_block: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Lodges a declaration under `ucr` for `declarant`.
		///
		/// Origin: signed by a controller of the declarant, or with `broker` by a controller
		/// of that registered broker. The declarant must be a registered company that is not
		/// closed and the domestic party of the declaration; the content is checked in full.
		/// Before arrival (`pre_arrival`) it waits for customs; otherwise the lane is
		/// assigned and duty assessed now, and green or blue lanes release at once. Stores
		/// the declaration and its first history entries.
		#[pallet::call_index(0)]
		// Benchmarked on the red lane; a green or blue lane also does the release's work.
		#[pallet::weight(
			T::WeightInfo::lodge(content.items.len() as u32)
				.saturating_add(T::WeightInfo::release())
		)]
		pub fn lodge(
			origin: OriginFor<T>,
			ucr: Ucr,
			declarant: Uscc,
			broker: Option<Uscc>,
			content: DeclarationContent<T>,
			pre_arrival: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_lodge(who, ucr, declarant, broker, content, pre_arrival)
		}

		/// Records that pre-declared goods arrived; assigns the lane and assesses duty.
		///
		/// Origin: `CustomsOrigin`. The declaration must be waiting for arrival. Green or
		/// blue lanes release at once; the clearance clock starts now.
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::record_arrival(T::MaxItems::get())
				.saturating_add(T::WeightInfo::release())
		)]
		pub fn record_arrival(origin: OriginFor<T>, ucr: Ucr) -> DispatchResult {
			let officer = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_record_arrival(officer, ucr)
		}

		/// Moves a declaration under control or held to another lane.
		///
		/// Origin: `CustomsOrigin`, with a reason. A declarant not in good standing is
		/// never moved to green or blue. A check recorded for a lighter lane no longer
		/// counts; release stays an officer's call.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reroute())]
		pub fn reroute(
			origin: OriginFor<T>,
			ucr: Ucr,
			lane: Lane,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_reroute(officer, ucr, lane, reason)
		}

		/// Records the documentary (yellow) or physical (red) check.
		///
		/// Origin: `CustomsOrigin`. The declaration must be under control on yellow or red;
		/// `report_hash` identifies the report kept off chain.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::record_inspection())]
		pub fn record_inspection(
			origin: OriginFor<T>,
			ucr: Ucr,
			passed: bool,
			report_hash: H256,
		) -> DispatchResult {
			let officer = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_record_inspection(officer, ucr, passed, report_hash)
		}

		/// Releases the goods.
		///
		/// Origin: `CustomsOrigin`. The declaration must be under control; on yellow or red
		/// a passed check for that lane must be recorded. Stamps the clearance time and adds
		/// it to the lane's and the office's figures.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::release())]
		pub fn release(origin: OriginFor<T>, ucr: Ucr) -> DispatchResult {
			let officer = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_release(officer, ucr)
		}

		/// Holds (queries) a declaration under control, with the reason.
		///
		/// Origin: `CustomsOrigin`. The declarant may then amend or withdraw it.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::hold())]
		pub fn hold(
			origin: OriginFor<T>,
			ucr: Ucr,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_hold(officer, ucr, reason)
		}

		/// Replaces the content of a held declaration, which goes back under control on its
		/// lane with duty assessed again and no check recorded.
		///
		/// Origin: signed by a controller of the declarant or of the broker that lodged it.
		/// The declarant must not be closed; the content is checked as at lodgement and must
		/// keep the declarant as its domestic party.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::amend(content.items.len() as u32))]
		pub fn amend(
			origin: OriginFor<T>,
			ucr: Ucr,
			content: DeclarationContent<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_amend(who, ucr, content)
		}

		/// Rejects a declaration that is not final, with the reason.
		///
		/// Origin: `CustomsOrigin`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(
			origin: OriginFor<T>,
			ucr: Ucr,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_reject(officer, ucr, reason)
		}

		/// Withdraws a declaration before release.
		///
		/// Origin: signed by a controller of the declarant or of the broker that lodged it.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, ucr: Ucr) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, ucr)
		}

		/// Registers a company as customs broker, or ends its registration.
		///
		/// Origin: `CustomsOrigin`. A company to register must be in the register and not
		/// closed.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_broker())]
		pub fn set_broker(origin: OriginFor<T>, uscc: Uscc, registered: bool) -> DispatchResult {
			let officer = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_set_broker(officer, uscc, registered)
		}

		/// Rates a company: advanced certified (AEO), general or dishonest.
		///
		/// Origin: `CustomsOrigin`. The company must be in the register.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_credit_rating())]
		pub fn set_credit_rating(
			origin: OriginFor<T>,
			uscc: Uscc,
			rating: CreditRating,
		) -> DispatchResult {
			T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_set_credit_rating(uscc, rating)
		}

		/// Replaces the risk rules.
		///
		/// Origin: `CustomsOrigin`. Chapters must be 1-97 but not 77, headings within them.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_risk_rules(rules.len() as u32))]
		pub fn set_risk_rules(
			origin: OriginFor<T>,
			rules: BoundedVec<RiskRule, T::MaxRiskRules>,
		) -> DispatchResult {
			T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_set_risk_rules(rules)
		}

		/// Sets the share of declarations the random selection sends to a check.
		///
		/// Origin: `CustomsOrigin`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_random_selection_rate())]
		pub fn set_random_selection_rate(origin: OriginFor<T>, rate: Permill) -> DispatchResult {
			T::CustomsOrigin::ensure_origin(origin)?;
			RandomSelectionRate::<T>::put(rate);
			Self::deposit_event(Event::RandomSelectionRateSet { rate });
			Ok(())
		}

		/// Sets the duty rate of an HS heading or subheading in basis points, or removes it
		/// (`None`).
		///
		/// Origin: `CustomsOrigin`. At most 100,000 basis points (1,000 %); the line must be
		/// a heading or subheading the HS can have.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_tariff_rate())]
		pub fn set_tariff_rate(
			origin: OriginFor<T>,
			line: TariffLine,
			basis_points: Option<u32>,
		) -> DispatchResult {
			T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_set_tariff_rate(line, basis_points)
		}
	}

	/// Most declarations one runtime-API call returns.
	pub const MAX_DECLARATION_PAGE: u32 = 100;

	impl<T: Config> Pallet<T> {
		/// The chain's time in milliseconds.
		pub fn now() -> UnixMillis {
			govchain_domain_types::calendar::chain_time::<T::Time>()
		}
	}
}
