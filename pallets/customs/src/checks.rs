//! The calls' logic: lodgement and its checks, lane assignment and duty, the officers'
//! transitions, the declarant's amendments, and the history every step ends with.

use crate::{pallet::*, types::*};
use alloc::collections::btree_map::BTreeMap;
use codec::Encode;
use govchain_domain_types::{AgencyOfficer, CompanyRegistry, CountryCode, Uscc};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, BoundedVec},
	frame_system,
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult, Permill, TryRuntimeError},
};

/// Highest duty rate customs may set: 1,000 %.
pub const MAX_RATE_BASIS_POINTS: u32 = 100_000;

impl<T: Config> Pallet<T> {
	/// `lodge`, after the signature check.
	pub(crate) fn do_lodge(
		who: T::AccountId,
		ucr: Ucr,
		declarant: Uscc,
		broker: Option<Uscc>,
		content: DeclarationContent<T>,
		pre_arrival: bool,
	) -> DispatchResult {
		ensure!(!Declarations::<T>::contains_key(&ucr), Error::<T>::AlreadyLodged);
		Self::check_open_company(&declarant)?;
		match broker {
			Some(broker) => {
				ensure!(Brokers::<T>::contains_key(broker), Error::<T>::NotABroker);
				ensure!(T::Registry::is_controller(&broker, &who), Error::<T>::NotController);
			},
			None => {
				ensure!(T::Registry::is_controller(&declarant, &who), Error::<T>::NotController)
			},
		}
		Self::check_content(&declarant, &content)?;
		let now = Self::now();
		let mut declaration = Declaration {
			content,
			declarant,
			broker,
			lodged_by: who.clone(),
			lodged_at: now,
			arrived_at: None,
			status: DeclarationStatus::AwaitingArrival,
			lane: None,
			inspection: None,
			duty: None,
			released_at: None,
			clearance_millis: None,
		};
		let actor = Actor::Declarant(who);
		Self::deposit_event(Event::Lodged { ucr: ucr.clone(), declarant, broker, pre_arrival });
		let mut steps = alloc::vec![Step::Lodged { pre_arrival }];
		if !pre_arrival {
			steps.extend(Self::assign_lane(&ucr, &mut declaration, now)?);
		}
		DeclarationsByDeclarant::<T>::insert(declarant, &ucr, ());
		Self::commit(ucr, declaration, actor, steps, Default::default())
	}

	/// `record_arrival`, after the origin check.
	pub(crate) fn do_record_arrival(
		officer: AgencyOfficer<T::AccountId>,
		ucr: Ucr,
	) -> DispatchResult {
		let mut declaration = Self::declaration(&ucr)?;
		ensure!(
			declaration.status == DeclarationStatus::AwaitingArrival,
			Error::<T>::NotAwaitingArrival
		);
		let now = Self::now();
		declaration.arrived_at = Some(now);
		let mut steps = alloc::vec![Step::Arrived];
		steps.extend(Self::assign_lane(&ucr, &mut declaration, now)?);
		Self::deposit_event(Event::Arrived { ucr: ucr.clone(), officer: officer.clone() });
		Self::commit(ucr, declaration, Actor::Officer(officer), steps, Default::default())
	}

	/// `reroute`, after the origin check.
	pub(crate) fn do_reroute(
		officer: AgencyOfficer<T::AccountId>,
		ucr: Ucr,
		to: Lane,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		Self::check_reason(&reason)?;
		let mut declaration = Self::declaration(&ucr)?;
		ensure!(
			matches!(declaration.status, DeclarationStatus::UnderControl | DeclarationStatus::Held),
			Error::<T>::NotUnderControl
		);
		let from = declaration.lane.ok_or(Error::<T>::NotUnderControl)?;
		ensure!(from != to, Error::<T>::SameLane);
		ensure!(
			!to.releases_at_once() || T::Registry::is_in_good_standing(&declaration.declarant),
			Error::<T>::NotInGoodStanding
		);
		declaration.lane = Some(to);
		Self::deposit_event(Event::Rerouted {
			ucr: ucr.clone(),
			from,
			to,
			officer: officer.clone(),
		});
		Self::commit(
			ucr,
			declaration,
			Actor::Officer(officer),
			alloc::vec![Step::Rerouted { from, to }],
			reason,
		)
	}

	/// `record_inspection`, after the origin check.
	pub(crate) fn do_record_inspection(
		officer: AgencyOfficer<T::AccountId>,
		ucr: Ucr,
		passed: bool,
		report_hash: H256,
	) -> DispatchResult {
		ensure!(report_hash != H256::zero(), Error::<T>::EmptyReportHash);
		let mut declaration = Self::declaration(&ucr)?;
		ensure!(declaration.status == DeclarationStatus::UnderControl, Error::<T>::NotUnderControl);
		let lane = declaration.lane.ok_or(Error::<T>::NotUnderControl)?;
		ensure!(!lane.releases_at_once(), Error::<T>::NoCheckOnThisLane);
		let inspection = Inspection { passed, report_hash, lane };
		declaration.inspection = Some(inspection);
		Self::deposit_event(Event::Inspected {
			ucr: ucr.clone(),
			lane,
			passed,
			officer: officer.clone(),
		});
		Self::commit(
			ucr,
			declaration,
			Actor::Officer(officer),
			alloc::vec![Step::Inspected(inspection)],
			Default::default(),
		)
	}

	/// `release`, after the origin check.
	pub(crate) fn do_release(officer: AgencyOfficer<T::AccountId>, ucr: Ucr) -> DispatchResult {
		let mut declaration = Self::declaration(&ucr)?;
		ensure!(declaration.status == DeclarationStatus::UnderControl, Error::<T>::NotUnderControl);
		let lane = declaration.lane.ok_or(Error::<T>::NotUnderControl)?;
		if !lane.releases_at_once() {
			let inspection = declaration
				.inspection
				.filter(|inspection| inspection.lane >= lane)
				.ok_or(Error::<T>::CheckRequired)?;
			ensure!(inspection.passed, Error::<T>::CheckFailed);
		}
		let step = Self::release_now(&ucr, &mut declaration, Self::now());
		Self::commit(
			ucr,
			declaration,
			Actor::Officer(officer),
			alloc::vec![step],
			Default::default(),
		)
	}

	/// `hold`, after the origin check.
	pub(crate) fn do_hold(
		officer: AgencyOfficer<T::AccountId>,
		ucr: Ucr,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		Self::check_reason(&reason)?;
		let mut declaration = Self::declaration(&ucr)?;
		ensure!(declaration.status == DeclarationStatus::UnderControl, Error::<T>::NotUnderControl);
		declaration.status = DeclarationStatus::Held;
		Self::deposit_event(Event::Held { ucr: ucr.clone(), officer: officer.clone() });
		Self::commit(ucr, declaration, Actor::Officer(officer), alloc::vec![Step::Held], reason)
	}

	/// `amend`, after the signature check.
	pub(crate) fn do_amend(
		who: T::AccountId,
		ucr: Ucr,
		content: DeclarationContent<T>,
	) -> DispatchResult {
		let mut declaration = Self::declaration(&ucr)?;
		Self::check_acts_for(&who, &declaration)?;
		ensure!(declaration.status == DeclarationStatus::Held, Error::<T>::NotHeld);
		Self::check_open_company(&declaration.declarant)?;
		Self::check_content(&declaration.declarant, &content)?;
		let duty = Self::assess_duty(&content)?;
		declaration.content = content;
		declaration.duty = Some(duty);
		declaration.inspection = None;
		declaration.status = DeclarationStatus::UnderControl;
		Self::deposit_event(Event::Amended { ucr: ucr.clone(), duty });
		Self::commit(
			ucr,
			declaration,
			Actor::Declarant(who),
			alloc::vec![Step::Amended { duty }],
			Default::default(),
		)
	}

	/// `reject`, after the origin check.
	pub(crate) fn do_reject(
		officer: AgencyOfficer<T::AccountId>,
		ucr: Ucr,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		Self::check_reason(&reason)?;
		let mut declaration = Self::declaration(&ucr)?;
		ensure!(!declaration.status.is_final(), Error::<T>::DeclarationFinal);
		declaration.status = DeclarationStatus::Rejected;
		Self::deposit_event(Event::Rejected { ucr: ucr.clone(), officer: officer.clone() });
		Self::commit(ucr, declaration, Actor::Officer(officer), alloc::vec![Step::Rejected], reason)
	}

	/// `withdraw`, after the signature check.
	pub(crate) fn do_withdraw(who: T::AccountId, ucr: Ucr) -> DispatchResult {
		let mut declaration = Self::declaration(&ucr)?;
		Self::check_acts_for(&who, &declaration)?;
		ensure!(!declaration.status.is_final(), Error::<T>::DeclarationFinal);
		declaration.status = DeclarationStatus::Withdrawn;
		Self::deposit_event(Event::Withdrawn { ucr: ucr.clone() });
		Self::commit(
			ucr,
			declaration,
			Actor::Declarant(who),
			alloc::vec![Step::Withdrawn],
			Default::default(),
		)
	}

	/// `set_broker`, after the origin check.
	pub(crate) fn do_set_broker(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
		registered: bool,
	) -> DispatchResult {
		ensure!(Brokers::<T>::contains_key(uscc) != registered, Error::<T>::BrokerUnchanged);
		if registered {
			Self::check_open_company(&uscc)?;
			Brokers::<T>::insert(uscc, officer);
		} else {
			Brokers::<T>::remove(uscc);
		}
		Self::deposit_event(Event::BrokerSet { uscc, registered });
		Ok(())
	}

	/// `set_credit_rating`, after the origin check.
	pub(crate) fn do_set_credit_rating(uscc: Uscc, rating: CreditRating) -> DispatchResult {
		ensure!(T::Registry::standing(&uscc).is_some(), Error::<T>::UnknownCompany);
		match rating {
			CreditRating::General => CreditRatings::<T>::remove(uscc),
			rating => CreditRatings::<T>::insert(uscc, rating),
		}
		Self::deposit_event(Event::CreditRatingSet { uscc, rating });
		Ok(())
	}

	/// `set_risk_rules`, after the origin check.
	pub(crate) fn do_set_risk_rules(
		rules: BoundedVec<RiskRule, T::MaxRiskRules>,
	) -> DispatchResult {
		for rule in rules.iter() {
			let valid = match rule.target {
				RiskTarget::Chapter(chapter) => valid_chapter(chapter.into()),
				RiskTarget::Heading(heading) => TariffLine::Heading(heading).is_valid(),
				RiskTarget::OriginCountry(_) | RiskTarget::Declarant(_) => true,
			};
			ensure!(valid, Error::<T>::InvalidRiskRule);
		}
		let count = rules.len() as u32;
		RiskRules::<T>::put(rules);
		Self::deposit_event(Event::RiskRulesSet { count });
		Ok(())
	}

	/// `set_tariff_rate`, after the origin check.
	pub(crate) fn do_set_tariff_rate(
		line: TariffLine,
		basis_points: Option<u32>,
	) -> DispatchResult {
		ensure!(line.is_valid(), Error::<T>::InvalidTariffLine);
		match basis_points {
			Some(rate) => {
				ensure!(rate <= MAX_RATE_BASIS_POINTS, Error::<T>::RateTooHigh);
				TariffRates::<T>::insert(line, rate);
			},
			None => TariffRates::<T>::remove(line),
		}
		Self::deposit_event(Event::TariffRateSet { line, basis_points });
		Ok(())
	}

	// ---- Lanes and duty ----

	/// Assigns the lane and assesses duty now; releases at once on green or blue. Returns
	/// the history steps.
	fn assign_lane(
		ucr: &Ucr,
		declaration: &mut Declaration<T>,
		now: govchain_domain_types::UnixMillis,
	) -> Result<alloc::vec::Vec<Step>, DispatchError> {
		let duty = Self::assess_duty(&declaration.content)?;
		let (lane, random) = Self::evaluate_lane(ucr, declaration);
		declaration.lane = Some(lane);
		declaration.duty = Some(duty);
		declaration.status = DeclarationStatus::UnderControl;
		Self::deposit_event(Event::LaneAssigned { ucr: ucr.clone(), lane, duty, random });
		let mut steps = alloc::vec![Step::LaneAssigned { lane, duty, random }];
		if lane.releases_at_once() {
			steps.push(Self::release_now(ucr, declaration, now));
		}
		Ok(steps)
	}

	/// The lane for a declaration now, and whether the random selection chose it: the
	/// credit rating's base, raised by every matching risk rule, at least yellow for a
	/// declarant not in good standing, and red (yellow for an AEO) when drawn.
	pub(crate) fn evaluate_lane(ucr: &Ucr, declaration: &Declaration<T>) -> (Lane, bool) {
		let rating =
			CreditRatings::<T>::get(declaration.declarant).unwrap_or(CreditRating::General);
		let mut lane = match rating {
			CreditRating::AdvancedCertified => Lane::Green,
			CreditRating::General => Lane::Blue,
			CreditRating::Dishonest => Lane::Red,
		};
		for rule in RiskRules::<T>::get().iter() {
			if Self::matches(rule.target, declaration) {
				lane = lane.max(rule.lane);
			}
		}
		if !T::Registry::is_in_good_standing(&declaration.declarant) {
			lane = lane.max(Lane::Yellow);
		}
		let selected_lane =
			if rating == CreditRating::AdvancedCertified { Lane::Yellow } else { Lane::Red };
		if lane < selected_lane && Self::drawn(ucr) {
			return (selected_lane, true);
		}
		(lane, false)
	}

	fn matches(target: RiskTarget, declaration: &Declaration<T>) -> bool {
		let items = &declaration.content.items;
		match target {
			RiskTarget::Chapter(chapter) => {
				items.iter().any(|item| item.commodity.chapter() == chapter)
			},
			RiskTarget::Heading(heading) => {
				items.iter().any(|item| item.commodity.heading() == heading)
			},
			RiskTarget::OriginCountry(country) => {
				declaration.content.origin_country == country
					|| items.iter().any(|item| item.origin == country)
			},
			RiskTarget::Declarant(uscc) => declaration.declarant == uscc,
		}
	}

	/// The random selection: BLAKE2-256 of the parent block's hash, the UCR and a counter
	/// of draws, read as a number below one million and compared with the rate. The
	/// declarant cannot choose the parent hash, but knows it when signing and can vary the
	/// UCR, and a block author can choose among blocks: a deterrent, not a guarantee (see
	/// docs/pallets/customs.md).
	fn drawn(ucr: &Ucr) -> bool {
		let rate = RandomSelectionRate::<T>::get();
		if rate.is_zero() {
			return false;
		}
		let nonce = SelectionNonce::<T>::mutate(|nonce| {
			*nonce = nonce.wrapping_add(1);
			*nonce
		});
		let seed = (frame_system::Pallet::<T>::parent_hash(), ucr, nonce).encode();
		let hash = polkadot_sdk::sp_io::hashing::blake2_256(&seed);
		let draw = u32::from_le_bytes([hash[0], hash[1], hash[2], hash[3]]) % 1_000_000;
		Permill::from_parts(draw) < rate
	}

	/// The duty on the declared goods: for each line, its value times the rate of its
	/// subheading, or else its heading (duty-free under neither), in basis points, rounded
	/// down. Fails rather than overflow.
	pub fn assess_duty(content: &DeclarationContent<T>) -> Result<u128, DispatchError> {
		let mut duty: u128 = 0;
		for item in content.items.iter() {
			let rate = TariffRates::<T>::get(TariffLine::Subheading(item.commodity.subheading()))
				.or_else(|| TariffRates::<T>::get(TariffLine::Heading(item.commodity.heading())))
				.unwrap_or(0);
			// value * rate / 10,000 without the product: exact, and failing only when the
			// duty itself does not fit.
			let rate = u128::from(rate);
			let line_duty = (item.value / 10_000)
				.checked_mul(rate)
				.and_then(|whole| whole.checked_add(item.value % 10_000 * rate / 10_000))
				.ok_or(Error::<T>::DutyOverflow)?;
			duty = duty.checked_add(line_duty).ok_or(Error::<T>::DutyOverflow)?;
		}
		Ok(duty)
	}

	/// Releases now: stamps the time and adds it to the figures. Returns the step.
	fn release_now(
		ucr: &Ucr,
		declaration: &mut Declaration<T>,
		now: govchain_domain_types::UnixMillis,
	) -> Step {
		let clearance_millis = now.saturating_sub(declaration.clock_start());
		let lane = declaration.lane.unwrap_or(Lane::Green);
		declaration.status = DeclarationStatus::Released;
		declaration.released_at = Some(now);
		declaration.clearance_millis = Some(clearance_millis);
		LaneStatistics::<T>::mutate(lane, |stats| stats.record(clearance_millis));
		OfficeStatistics::<T>::mutate(declaration.content.office, |stats| {
			stats.record(clearance_millis)
		});
		Self::deposit_event(Event::Released { ucr: ucr.clone(), lane, clearance_millis });
		Step::Released { clearance_millis }
	}

	// ---- Checks ----

	fn declaration(ucr: &Ucr) -> Result<Declaration<T>, DispatchError> {
		Declarations::<T>::get(ucr).ok_or_else(|| Error::<T>::UnknownDeclaration.into())
	}

	/// A registered company that is not revoked, cancelled or deregistered.
	fn check_open_company(uscc: &Uscc) -> DispatchResult {
		let standing = T::Registry::standing(uscc).ok_or(Error::<T>::UnknownCompany)?;
		ensure!(!standing.status.is_closed(), Error::<T>::CompanyClosed);
		Ok(())
	}

	/// `who` controls the declarant or the broker that lodged the declaration.
	fn check_acts_for(who: &T::AccountId, declaration: &Declaration<T>) -> DispatchResult {
		let controls = |uscc: &Uscc| T::Registry::is_controller(uscc, who);
		ensure!(
			controls(&declaration.declarant) || declaration.broker.as_ref().is_some_and(controls),
			Error::<T>::NotController
		);
		Ok(())
	}

	fn check_reason(reason: &[u8]) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		core::str::from_utf8(reason).map_err(|_| Error::<T>::NotUtf8)?;
		Ok(())
	}

	/// The content in full: the declarant is the domestic party, domestic parties are
	/// registered, foreign ones are abroad and named, the office is four digits, maritime
	/// terms go by water, every line has a quantity, a value and a gross mass at least its
	/// net mass, and an invoice is among the documents, none with a zero hash.
	fn check_content(declarant: &Uscc, content: &DeclarationContent<T>) -> DispatchResult {
		let domestic = match content.direction {
			Direction::Import => &content.consignee,
			Direction::Export => &content.consignor,
		};
		ensure!(
			matches!(domestic, TradeParty::Domestic(code) if code == declarant),
			Error::<T>::DeclarantNotParty
		);
		for party in [&content.consignor, &content.consignee] {
			match party {
				TradeParty::Domestic(code) => {
					ensure!(T::Registry::standing(code).is_some(), Error::<T>::UnknownCompany)
				},
				TradeParty::Foreign(foreign) => {
					ensure!(!foreign.name.is_empty(), Error::<T>::EmptyName);
					core::str::from_utf8(&foreign.name).map_err(|_| Error::<T>::NotUtf8)?;
					ensure!(foreign.country != CountryCode::CN, Error::<T>::ForeignPartyInChina);
				},
			}
		}
		ensure!(content.office.iter().all(u8::is_ascii_digit), Error::<T>::InvalidOffice);
		ensure!(
			!content.incoterm.is_maritime() || content.transport_mode.is_by_water(),
			Error::<T>::IncotermNeedsWater
		);
		ensure!(!content.items.is_empty(), Error::<T>::NoItems);
		for item in content.items.iter() {
			ensure!(item.quantity > 0, Error::<T>::ZeroQuantity);
			ensure!(item.value > 0, Error::<T>::ZeroValue);
			ensure!(item.gross_mass_grams >= item.net_mass_grams, Error::<T>::GrossBelowNet);
		}
		ensure!(
			content.documents.iter().any(|document| document.kind == DocumentKind::Invoice),
			Error::<T>::MissingInvoice
		);
		ensure!(
			content.documents.iter().all(|document| document.hash != H256::zero()),
			Error::<T>::EmptyDocumentHash
		);
		Ok(())
	}

	// ---- History ----

	/// The tail of every step: appends the steps to the history, stamped now, and stores
	/// the declaration. Writes nothing if the history is full.
	fn commit(
		ucr: Ucr,
		declaration: Declaration<T>,
		actor: Actor<T::AccountId>,
		steps: alloc::vec::Vec<Step>,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let start = HistoryLength::<T>::get(&ucr);
		let length = start.checked_add(steps.len() as u32).ok_or(Error::<T>::HistoryFull)?;
		let at = Self::now();
		for (offset, step) in steps.into_iter().enumerate() {
			let entry = HistoryEntry { at, actor: actor.clone(), step, reason: reason.clone() };
			History::<T>::insert(&ucr, start.saturating_add(offset as u32), entry);
		}
		HistoryLength::<T>::insert(&ucr, length);
		Declarations::<T>::insert(&ucr, declaration);
		Ok(())
	}

	// ---- Reads ----

	/// A declaration's history, oldest first.
	pub fn history_of(ucr: &Ucr) -> alloc::vec::Vec<HistoryEntry<T>> {
		(0..HistoryLength::<T>::get(ucr))
			.filter_map(|index| History::<T>::get(ucr, index))
			.collect()
	}

	/// Up to `count` of `declarant`'s declarations after `start_after`, at most
	/// [`MAX_DECLARATION_PAGE`]; the UCR to continue after, if more follow.
	pub fn declarations_page(
		declarant: Uscc,
		start_after: Option<Ucr>,
		count: u32,
	) -> (alloc::vec::Vec<Declaration<T>>, Option<Ucr>) {
		let mut keys = match start_after {
			Some(ucr) => DeclarationsByDeclarant::<T>::iter_key_prefix_from(
				declarant,
				DeclarationsByDeclarant::<T>::hashed_key_for(declarant, ucr),
			),
			None => DeclarationsByDeclarant::<T>::iter_key_prefix(declarant),
		}
		.peekable();
		let mut page = alloc::vec::Vec::new();
		let mut last = None;
		for ucr in keys.by_ref().take(count.clamp(1, MAX_DECLARATION_PAGE) as usize) {
			if let Some(declaration) = Declarations::<T>::get(&ucr) {
				page.push(declaration);
			}
			last = Some(ucr);
		}
		let next = keys.peek().and(last);
		(page, next)
	}

	/// The invariants: every declaration is under its declarant and has a history numbered
	/// without gaps; a released one has its time; the figures count exactly the released
	/// declarations, by lane and by office; brokers and rules are within bounds.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut by_lane: BTreeMap<Lane, u64> = BTreeMap::new();
		let mut by_office: BTreeMap<OfficeCode, u64> = BTreeMap::new();
		let mut declarations: u64 = 0;
		for (ucr, declaration) in Declarations::<T>::iter() {
			declarations = declarations.saturating_add(1);
			ensure!(
				DeclarationsByDeclarant::<T>::contains_key(declaration.declarant, &ucr),
				"a declaration missing under its declarant"
			);
			let length = HistoryLength::<T>::get(&ucr);
			ensure!(length > 0, "a declaration without its lodgement entry");
			for index in 0..length {
				ensure!(
					History::<T>::contains_key(&ucr, index),
					"a gap in a declaration's history"
				);
			}
			let released = declaration.status == DeclarationStatus::Released;
			ensure!(
				released == declaration.clearance_millis.is_some()
					&& released == declaration.released_at.is_some(),
				"a release without its time, or a time without release"
			);
			if released {
				let lane = declaration.lane.ok_or("a release without a lane")?;
				*by_lane.entry(lane).or_default() += 1;
				*by_office.entry(declaration.content.office).or_default() += 1;
			}
		}
		ensure!(
			DeclarationsByDeclarant::<T>::iter_keys().count() as u64 == declarations,
			"an index entry without a declaration"
		);
		ensure!(
			History::<T>::iter_keys().count() as u64
				== HistoryLength::<T>::iter_values().map(u64::from).sum::<u64>(),
			"history entries beyond their declarations' lengths"
		);
		for (lane, stats) in LaneStatistics::<T>::iter() {
			ensure!(
				by_lane.get(&lane).copied().unwrap_or(0) == stats.count,
				"lane figures out of step"
			);
			ensure!(stats.histogram.iter().sum::<u64>() == stats.count, "a histogram out of step");
		}
		for (office, stats) in OfficeStatistics::<T>::iter() {
			ensure!(
				by_office.get(&office).copied().unwrap_or(0) == stats.count,
				"office figures out of step"
			);
		}
		ensure!(
			RiskRules::<T>::get().len() as u32 <= T::MaxRiskRules::get(),
			"more risk rules than the bound"
		);
		Ok(())
	}
}
