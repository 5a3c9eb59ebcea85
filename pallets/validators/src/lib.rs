//! # Validators
//!
//! The agencies run the chain: this pallet keeps the set of validators, each operated by an
//! agency, and hands it to pallet-session, which makes it the Aura and GRANDPA authority set.
//!
//! ## Rules
//! - An active agency's admin proposes a validator account the agency operates, or the
//!   removal of one of its own; the council approves or rejects each proposal, and may remove
//!   any validator on its own motion. The runtime gives the council the threshold of every
//!   other seat change (two thirds).
//! - An addition is approved only once the account has set its session keys (Aura sr25519,
//!   GRANDPA ed25519) with `session.set_keys`; only proposed and approved accounts may set
//!   keys at all, so nobody else can store keys on chain.
//! - No removal takes the set below `MinValidators`; nor may an agency whose validators are
//!   needed for it be suspended or dissolved (the agencies pallet asks through
//!   [`AgencyDepartures`]). A suspended or dissolved agency's validators and proposals are
//!   removed at once and leave the authority set at the next session.
//! - Changes take effect at session boundaries: the set for session `n` is planned as
//!   session `n - 1` starts, as pallet-session queues it. An approved validator without
//!   session keys (its operator purged them) is left out, and an event names the shortfall;
//!   like a validator that goes offline, that is the operator's doing, which no rule on chain
//!   can stop. `MinValidators` is a rule on the council's and agencies' decisions, not on the
//!   state: a chain may start with fewer (the development chain has one) and grow.
//! - Blocks authored per validator per session are counted (the last `HistoryDepth`
//!   sessions), so an offline validator is visible; nobody is removed automatically.
//! - GRANDPA equivocations reported through pallet-offences are recorded on the offender's
//!   record. The council decides what follows.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::{Change, Proposal, RemovalReason, Validator};
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system, pallet_authorship, sp_runtime, sp_staking};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;
	use govchain_domain_types::{AgencyDepartures, AgencyOfficer, Uscc};
	use pallet_session::SessionInterface;
	use sp_runtime::{traits::Convert, Perbill, TryRuntimeError};
	use sp_staking::{
		offence::{OffenceDetails, OnOffenceHandler},
		SessionIndex,
	};

	/// A validator record as stored.
	pub type ValidatorOf<T> = Validator<BlockNumberFor<T>>;
	/// A proposal as stored.
	pub type ProposalOf<T> = Proposal<BlockNumberFor<T>>;
	/// The accounts an agency operates or proposed, bounded by `MaxValidatorsPerAgency`.
	pub type AgencyAccounts<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidatorsPerAgency>;

	/// Version 0: the layout the validator set starts with.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The admin of an active agency, acting for it; yields the agency.
		type AgencyAdminOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = AgencyOfficer<Self::AccountId>,
		>;

		/// Who approves and rejects proposals and removes validators: the council, with the
		/// threshold of a seat change.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// pallet-session: whose keys are set, and its historical proofs to prune.
		type Session: ValidatorRegistration<Self::AccountId>
			+ SessionInterface<ValidatorId = Self::AccountId, AccountId = Self::AccountId>;

		/// Fewest validators: no removal or agency departure goes below it. GRANDPA finalizes
		/// with more than two thirds of the validators, so a handful of them must never be
		/// able to stop or own finality.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Most validators: the Aura and GRANDPA authority bound.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Most validators one agency may operate, and most proposals it may have pending.
		#[pallet::constant]
		type MaxValidatorsPerAgency: Get<u32>;

		/// Sessions whose authored-block counts and key-ownership proofs are kept, the
		/// current one included: an equivocation older than this can no longer be reported.
		#[pallet::constant]
		type HistoryDepth: Get<SessionIndex>;

		/// Blocks per session when genesis did not set them (a chain that gained this pallet
		/// by an upgrade).
		#[pallet::constant]
		type DefaultSessionBlocks: Get<BlockNumberFor<Self>>;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// The approved validators.
	#[pallet::storage]
	pub type Validators<T: Config> =
		CountedStorageMap<_, Twox64Concat, T::AccountId, ValidatorOf<T>>;

	/// Each agency's approved validators.
	#[pallet::storage]
	pub type ValidatorsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, Uscc, AgencyAccounts<T>, ValueQuery>;

	/// Proposals awaiting the council, by the account they concern (one at a time).
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, ProposalOf<T>>;

	/// Each agency's pending proposals.
	#[pallet::storage]
	pub type ProposalsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, Uscc, AgencyAccounts<T>, ValueQuery>;

	/// The set last handed to pallet-session, sorted; it validates from the session after
	/// the one it was planned at.
	#[pallet::storage]
	pub type PlannedSet<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The session now running, as pallet-session last started it.
	#[pallet::storage]
	pub type CurrentSession<T: Config> = StorageValue<_, SessionIndex, ValueQuery>;

	/// Blocks each validator authored in each of the last `HistoryDepth` sessions.
	#[pallet::storage]
	pub type AuthoredBlocks<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SessionIndex,
		Twox64Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Blocks per session, set at genesis (`DefaultSessionBlocks` otherwise); read by the
	/// runtime's session rotation through [`SessionLength`].
	#[pallet::storage]
	pub type SessionBlocks<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultSessionBlocks>;

	/// The initial validators (agency, account) and the session length in blocks (0 for
	/// `DefaultSessionBlocks`).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		pub validators: Vec<(Uscc, T::AccountId)>,
		pub session_blocks: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// A chain spec that breaks a rule must not start: each failure stops genesis with a
		/// message naming it.
		fn build(&self) {
			// `MinValidators` is a rule on removals: a chain may start with fewer (the
			// development chain has one) and grow.
			let count = self.validators.len() as u32;
			assert!(
				count <= T::MaxValidators::get(),
				"validators genesis: {count} validators, more than the {} allowed",
				T::MaxValidators::get()
			);
			let now = frame_system::Pallet::<T>::block_number();
			for (agency, account) in &self.validators {
				assert!(
					!Validators::<T>::contains_key(account),
					"validators genesis: a validator account of {agency:?} is listed twice"
				);
				ValidatorsOf::<T>::try_mutate(agency, |accounts| {
					accounts.try_push(account.clone())
				})
				.unwrap_or_else(|_| {
					panic!("validators genesis: {agency:?} has more than the validators allowed")
				});
				Validators::<T>::insert(account, Validator::new(*agency, now));
			}
			if !self.session_blocks.is_zero() {
				SessionBlocks::<T>::put(self.session_blocks);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An agency proposed a validator account it operates.
		AdditionProposed { agency: Uscc, validator: T::AccountId },
		/// An agency proposed that one of its validators stop validating.
		RemovalProposed { agency: Uscc, validator: T::AccountId },
		/// The proposing agency withdrew its proposal.
		ProposalWithdrawn { agency: Uscc, validator: T::AccountId },
		/// The council rejected a proposal.
		ProposalRejected { agency: Uscc, validator: T::AccountId },
		/// A pending proposal was dropped because its agency was suspended or dissolved.
		ProposalDropped { agency: Uscc, validator: T::AccountId },
		/// The council approved a validator; it joins the set planned at the next session.
		ValidatorAdded { agency: Uscc, validator: T::AccountId },
		/// A validator was removed; it leaves the set planned at the next session.
		ValidatorRemoved { agency: Uscc, validator: T::AccountId, reason: RemovalReason },
		/// A new set was handed to pallet-session for `session`, which starts at the next
		/// session boundary.
		ValidatorSetPlanned { session: SessionIndex, validators: u32 },
		/// When planning `session`, only `ready` of the `approved` validators had session
		/// keys: the others are left out until they set keys again.
		ValidatorsWithoutKeys { session: SessionIndex, approved: u32, ready: u32 },
		/// A GRANDPA equivocation of `validator` in `session` was reported and recorded.
		OffenceRecorded { validator: T::AccountId, session: SessionIndex },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// A proposal about this account is already pending.
		ProposalPending,
		/// No proposal about this account is pending.
		NoProposal,
		/// The validator or proposal belongs to another agency.
		NotOwnAgency,
		/// The agency already operates, or has proposed, `MaxValidatorsPerAgency` accounts.
		TooManyForAgency,
		/// The set already has `MaxValidators` validators.
		TooManyValidators,
		/// The change would leave fewer than `MinValidators` validators.
		TooFewValidators,
		/// The account has not set its session keys (`session.set_keys`) yet.
		SessionKeysNotSet,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Charges the block-author count that pallet-authorship's `on_initialize` makes
		/// through [`note_author`](pallet_authorship::EventHandler::note_author) without
		/// weighing it.
		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			T::DbWeight::get().reads_writes(2, 1)
		}

		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "MinValidators must be at least 1");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators must not exceed MaxValidators"
			);
			assert!(T::MaxValidatorsPerAgency::get() >= 1, "MaxValidatorsPerAgency is 0");
			assert!(T::HistoryDepth::get() >= 1, "HistoryDepth is 0");
			assert!(!T::DefaultSessionBlocks::get().is_zero(), "DefaultSessionBlocks is 0");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Proposes that `validator`, an account the caller's agency operates, become a
		/// validator. Its operator should set its session keys before the council decides.
		///
		/// Origin: `AgencyAdminOrigin` (the admin of an active agency). The account must not
		/// be a validator nor have a pending proposal; the agency's validators and proposals
		/// together stay within `MaxValidatorsPerAgency`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose_addition())]
		pub fn propose_addition(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			let AgencyOfficer { agency, .. } = T::AgencyAdminOrigin::ensure_origin(origin)?;
			ensure!(!Validators::<T>::contains_key(&validator), Error::<T>::AlreadyValidator);
			let proposals = Self::proposals_with(&agency, &validator)?;
			ensure!(
				ValidatorsOf::<T>::decode_len(agency)
					.unwrap_or(0)
					.saturating_add(proposals.len())
					<= T::MaxValidatorsPerAgency::get() as usize,
				Error::<T>::TooManyForAgency
			);
			Self::store_proposal(agency, validator.clone(), Change::Add, proposals);
			Self::deposit_event(Event::AdditionProposed { agency, validator });
			Ok(())
		}

		/// Proposes that `validator`, one of the caller's agency's validators, stop
		/// validating.
		///
		/// Origin: `AgencyAdminOrigin`. The validator must be the agency's and have no pending
		/// proposal.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::propose_removal())]
		pub fn propose_removal(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			let AgencyOfficer { agency, .. } = T::AgencyAdminOrigin::ensure_origin(origin)?;
			let record = Validators::<T>::get(&validator).ok_or(Error::<T>::NotValidator)?;
			ensure!(record.agency == agency, Error::<T>::NotOwnAgency);
			let proposals = Self::proposals_with(&agency, &validator)?;
			Self::store_proposal(agency, validator.clone(), Change::Remove, proposals);
			Self::deposit_event(Event::RemovalProposed { agency, validator });
			Ok(())
		}

		/// Withdraws the caller's agency's pending proposal about `validator`.
		///
		/// Origin: `AgencyAdminOrigin` of the proposing agency.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_proposal())]
		pub fn withdraw_proposal(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			let AgencyOfficer { agency, .. } = T::AgencyAdminOrigin::ensure_origin(origin)?;
			let proposal = Proposals::<T>::get(&validator).ok_or(Error::<T>::NoProposal)?;
			ensure!(proposal.agency == agency, Error::<T>::NotOwnAgency);
			Self::drop_proposal(&agency, &validator);
			Self::deposit_event(Event::ProposalWithdrawn { agency, validator });
			Ok(())
		}

		/// Approves the pending proposal about `validator`. An addition needs the account's
		/// session keys set and room in the set; a removal must leave at least
		/// `MinValidators`. Either takes effect at the next session boundary.
		///
		/// Origin: `CouncilOrigin`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve_addition().max(T::WeightInfo::approve_removal()))]
		pub fn approve(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			let proposal = Proposals::<T>::get(&validator).ok_or(Error::<T>::NoProposal)?;
			let agency = proposal.agency;
			match proposal.change {
				Change::Add => {
					ensure!(T::Session::is_registered(&validator), Error::<T>::SessionKeysNotSet);
					ensure!(
						Validators::<T>::count() < T::MaxValidators::get(),
						Error::<T>::TooManyValidators
					);
					let mut accounts = ValidatorsOf::<T>::get(agency);
					accounts
						.try_push(validator.clone())
						.map_err(|_| Error::<T>::TooManyForAgency)?;
					Self::drop_proposal(&agency, &validator);
					ValidatorsOf::<T>::insert(agency, accounts);
					let now = frame_system::Pallet::<T>::block_number();
					Validators::<T>::insert(&validator, Validator::new(agency, now));
					Self::deposit_event(Event::ValidatorAdded { agency, validator });
				},
				Change::Remove => {
					Self::ensure_can_remove(1)?;
					Self::drop_proposal(&agency, &validator);
					Self::remove(&validator, RemovalReason::AgencyRequest);
				},
			}
			Ok(())
		}

		/// Rejects the pending proposal about `validator`.
		///
		/// Origin: `CouncilOrigin`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			let proposal = Proposals::<T>::get(&validator).ok_or(Error::<T>::NoProposal)?;
			Self::drop_proposal(&proposal.agency, &validator);
			Self::deposit_event(Event::ProposalRejected { agency: proposal.agency, validator });
			Ok(())
		}

		/// Removes `validator` on the council's own motion (a misbehaving or long-offline
		/// validator); a pending proposal about it is dropped. At least `MinValidators` must
		/// remain. It leaves the authority set at the next session boundary.
		///
		/// Origin: `CouncilOrigin`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			let record = Validators::<T>::get(&validator).ok_or(Error::<T>::NotValidator)?;
			Self::ensure_can_remove(1)?;
			if Proposals::<T>::contains_key(&validator) {
				Self::drop_proposal(&record.agency, &validator);
			}
			Self::remove(&validator, RemovalReason::Council);
			Ok(())
		}
	}

	impl<BlockNumber> Validator<BlockNumber> {
		/// A record approved now, with no offence.
		pub fn new(agency: Uscc, approved_at: BlockNumber) -> Self {
			Self { agency, approved_at, offences: 0, last_offence_session: None }
		}
	}

	impl<T: Config> Pallet<T> {
		/// The agency's pending proposals with one about `validator` added; fails when a
		/// proposal about it is pending or the agency has no room. Writes nothing.
		fn proposals_with(
			agency: &Uscc,
			validator: &T::AccountId,
		) -> Result<AgencyAccounts<T>, DispatchError> {
			ensure!(!Proposals::<T>::contains_key(validator), Error::<T>::ProposalPending);
			let mut proposals = ProposalsOf::<T>::get(agency);
			proposals
				.try_push(validator.clone())
				.map_err(|_| Error::<T>::TooManyForAgency)?;
			Ok(proposals)
		}

		fn store_proposal(
			agency: Uscc,
			validator: T::AccountId,
			change: Change,
			proposals: AgencyAccounts<T>,
		) {
			let proposed_at = frame_system::Pallet::<T>::block_number();
			Proposals::<T>::insert(validator, Proposal { agency, change, proposed_at });
			ProposalsOf::<T>::insert(agency, proposals);
		}

		fn drop_proposal(agency: &Uscc, validator: &T::AccountId) {
			Proposals::<T>::remove(validator);
			ProposalsOf::<T>::mutate(agency, |proposals| proposals.retain(|v| v != validator));
		}

		/// Fails unless `leaving` validators can go and `MinValidators` remain.
		fn ensure_can_remove(leaving: u32) -> DispatchResult {
			let remaining = Validators::<T>::count().checked_sub(leaving);
			ensure!(
				remaining.is_some_and(|remaining| remaining >= T::MinValidators::get()),
				Error::<T>::TooFewValidators
			);
			Ok(())
		}

		/// Removes a validator's record and its agency's reference to it.
		pub(crate) fn remove(validator: &T::AccountId, reason: RemovalReason) {
			if let Some(record) = Validators::<T>::take(validator) {
				ValidatorsOf::<T>::mutate(record.agency, |accounts| {
					accounts.retain(|account| account != validator)
				});
				Self::deposit_event(Event::ValidatorRemoved {
					agency: record.agency,
					validator: validator.clone(),
					reason,
				});
			}
		}

		/// The set for `session`: approved validators whose keys are set, sorted. `None` (the
		/// set in place stays) when it is the set already planned, or empty.
		fn plan(session: SessionIndex) -> Option<Vec<T::AccountId>> {
			// Planning `session` happens as `session - 1` starts: the `HistoryDepth` sessions
			// up to that one are kept, the one before them forgotten.
			if let Some(expired) = session.checked_sub(T::HistoryDepth::get().saturating_add(1)) {
				T::Session::prune_up_to(expired.saturating_add(1));
				let _ = AuthoredBlocks::<T>::clear_prefix(expired, T::MaxValidators::get(), None);
			}
			let mut ready: Vec<T::AccountId> =
				Validators::<T>::iter_keys().filter(T::Session::is_registered).collect();
			ready.sort();
			let count = ready.len() as u32;
			let approved = Validators::<T>::count();
			if count < approved {
				Self::deposit_event(Event::ValidatorsWithoutKeys {
					session,
					approved,
					ready: count,
				});
			}
			if ready.is_empty() || PlannedSet::<T>::get().as_slice() == ready.as_slice() {
				return None;
			}
			// Within bounds: approvals stop at `MaxValidators`.
			PlannedSet::<T>::put(BoundedVec::truncate_from(ready.clone()));
			Self::deposit_event(Event::ValidatorSetPlanned { session, validators: count });
			Some(ready)
		}

		/// The state's invariants: each validator and proposal is listed by its agency and
		/// every listing points back; an addition concerns a non-validator and a removal a
		/// validator of the proposing agency; the set is within its bounds.
		pub fn do_try_state() -> Result<(), TryRuntimeError> {
			let count = Validators::<T>::count();
			ensure!(count <= T::MaxValidators::get(), "more validators than MaxValidators");
			let mut listed = 0u32;
			for (agency, accounts) in ValidatorsOf::<T>::iter() {
				for account in accounts.iter() {
					let record =
						Validators::<T>::get(account).ok_or("a listed validator is unknown")?;
					ensure!(record.agency == agency, "a validator is listed by another agency");
					listed = listed.saturating_add(1);
				}
			}
			ensure!(listed == count, "a validator is not listed by its agency");
			let mut pending = 0u32;
			for (agency, accounts) in ProposalsOf::<T>::iter() {
				for account in accounts.iter() {
					let proposal =
						Proposals::<T>::get(account).ok_or("a listed proposal is unknown")?;
					ensure!(proposal.agency == agency, "a proposal is listed by another agency");
					let record = Validators::<T>::get(account);
					match proposal.change {
						Change::Add => ensure!(record.is_none(), "an addition of a validator"),
						Change::Remove => ensure!(
							record.is_some_and(|record| record.agency == agency),
							"a removal of another agency's validator"
						),
					}
					pending = pending.saturating_add(1);
				}
			}
			ensure!(
				pending == Proposals::<T>::iter_keys().count() as u32,
				"a proposal is not listed by its agency"
			);
			Ok(())
		}
	}

	/// The session rotation reads the session length from here.
	pub struct SessionLength<T>(PhantomData<T>);

	impl<T: Config> Get<BlockNumberFor<T>> for SessionLength<T> {
		/// Never zero (the rotation divides by it), whatever the storage holds.
		fn get() -> BlockNumberFor<T> {
			SessionBlocks::<T>::get().max(One::one())
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			Self::plan(new_index)
		}

		fn start_session(start_index: SessionIndex) {
			CurrentSession::<T>::put(start_index);
		}

		fn end_session(_end_index: SessionIndex) {}
	}

	/// The historical wrapper (key-ownership proofs for equivocation reports) identifies a
	/// validator by its account alone.
	impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, ()> for Pallet<T> {
		fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
			Self::plan(new_index).map(|set| set.into_iter().map(|v| (v, ())).collect())
		}

		fn start_session(start_index: SessionIndex) {
			CurrentSession::<T>::put(start_index);
		}

		fn end_session(_end_index: SessionIndex) {}
	}

	/// Identifies every validator by `()`: govchain has no stake to identify it by.
	pub struct UnitIdentification;

	impl<AccountId> Convert<AccountId, Option<()>> for UnitIdentification {
		fn convert(_: AccountId) -> Option<()> {
			Some(())
		}
	}

	/// Which accounts may set session keys: those proposed or approved as validators. One
	/// storage read, as pallet-session requires.
	pub struct ProposedOrApproved<T>(PhantomData<T>);

	impl<T: Config> Convert<T::AccountId, Option<T::AccountId>> for ProposedOrApproved<T> {
		fn convert(account: T::AccountId) -> Option<T::AccountId> {
			(Validators::<T>::contains_key(&account) || Proposals::<T>::contains_key(&account))
				.then_some(account)
		}
	}

	impl<T: Config> pallet_authorship::EventHandler<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
		/// Counts the block for its author in the current session.
		fn note_author(author: T::AccountId) {
			AuthoredBlocks::<T>::mutate(CurrentSession::<T>::get(), author, |blocks| {
				*blocks = blocks.saturating_add(1)
			});
		}
	}

	impl<T: Config, FullIdentification>
		OnOffenceHandler<T::AccountId, (T::AccountId, FullIdentification), Weight> for Pallet<T>
	{
		/// Records each reported offence on the offender's record. There is no stake to slash;
		/// the council reads the record and decides.
		fn on_offence(
			offenders: &[OffenceDetails<T::AccountId, (T::AccountId, FullIdentification)>],
			_slash_fraction: &[Perbill],
			session: SessionIndex,
		) -> Weight {
			for details in offenders {
				let validator = &details.offender.0;
				if let Some(mut record) = Validators::<T>::get(validator) {
					record.offences = record.offences.saturating_add(1);
					record.last_offence_session = Some(session);
					Validators::<T>::insert(validator, record);
				}
				Self::deposit_event(Event::OffenceRecorded {
					validator: validator.clone(),
					session,
				});
			}
			let count = offenders.len() as u64;
			T::DbWeight::get().reads_writes(count, count)
		}
	}

	impl<T: Config> AgencyDepartures for Pallet<T> {
		/// Refuses when the agency's validators are needed for `MinValidators`.
		fn can_depart(agency: &Uscc) -> DispatchResult {
			let own = ValidatorsOf::<T>::decode_len(agency).unwrap_or(0) as u32;
			if own > 0 {
				Self::ensure_can_remove(own)?;
			}
			Ok(())
		}

		/// Removes the agency's validators (they leave the set planned at the next session)
		/// and drops its pending proposals.
		fn departed(agency: &Uscc) {
			for validator in ValidatorsOf::<T>::take(agency) {
				Self::remove(&validator, RemovalReason::AgencyDeparted);
			}
			for validator in ProposalsOf::<T>::take(agency) {
				Proposals::<T>::remove(&validator);
				Self::deposit_event(Event::ProposalDropped { agency: *agency, validator });
			}
		}

		fn weight() -> Weight {
			T::WeightInfo::agency_departure(T::MaxValidatorsPerAgency::get())
		}
	}
}
