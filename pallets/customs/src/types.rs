//! A customs declaration, its lanes and states, and the figures kept about clearance.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use govchain_domain_types::{
	AgencyOfficer, CommodityCode, CountryCode, CurrencyCode, Incoterm, Lei, TransportMode,
	UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	sp_core::H256,
};
use scale_info::TypeInfo;

/// UTF-8 text of at most `L` bytes.
pub type Text<L> = BoundedVec<u8, L>;

/// Declarations are keyed by their unique consignment reference.
pub use govchain_domain_types::Ucr;

/// Whether goods enter or leave the customs territory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Direction {
	/// Goods enter: the consignee is the domestic declarant.
	Import,
	/// Goods leave: the consignor is the domestic declarant.
	Export,
}

/// A party outside China: its name, country and, if it has one, its LEI.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ForeignParty<T: Config> {
	/// Registered name, UTF-8, non-empty.
	pub name: Text<T::MaxNameLength>,
	/// Country of establishment, not China.
	pub country: CountryCode,
	/// Legal Entity Identifier (checked by ISO 7064 MOD 97-10 when decoded).
	pub lei: Option<Lei>,
}

/// A consignor or consignee.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub enum TradeParty<T: Config> {
	/// A company in the shared register, by its code.
	Domestic(Uscc),
	/// A party abroad.
	Foreign(ForeignParty<T>),
}

/// A customs office (关区), by its four-digit code, e.g. `0100` for Beijing customs.
pub type OfficeCode = [u8; 4];

/// The unit a line's quantity is counted in (the statutory units of China's tariff).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Unit {
	/// Kilograms.
	Kilogram,
	/// Pieces (个, 件, 台).
	Piece,
	/// Pairs.
	Pair,
	/// Sets.
	Set,
	/// Litres.
	Litre,
	/// Cubic metres.
	CubicMetre,
	/// Square metres.
	SquareMetre,
	/// Metres.
	Metre,
}

/// One line of goods.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct LineItem {
	/// Tariff code (6 to 10 digits, optional inspection suffix).
	pub commodity: CommodityCode,
	/// Country of origin of these goods.
	pub origin: CountryCode,
	/// Quantity in `unit`, more than zero.
	pub quantity: u64,
	/// The statutory unit.
	pub unit: Unit,
	/// Net mass in grams.
	pub net_mass_grams: u64,
	/// Gross mass in grams, at least the net mass.
	pub gross_mass_grams: u64,
	/// Declared (customs) value in the declaration currency's minor unit, more than zero.
	pub value: u128,
}

/// A document backing the declaration, kept off chain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum DocumentKind {
	/// Commercial invoice (always required).
	Invoice,
	/// Packing list.
	PackingList,
	/// Certificate of origin.
	CertificateOfOrigin,
	/// Bill of lading or air waybill.
	TransportDocument,
	/// A licence or permit.
	Licence,
}

/// A document's hash.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Document {
	/// What it is.
	pub kind: DocumentKind,
	/// BLAKE2-256 (or SHA-256) of the file, not zero.
	pub hash: H256,
}

/// What a declarant declares; replaced as a whole when a held declaration is amended.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct DeclarationContent<T: Config> {
	/// Import or export.
	pub direction: Direction,
	/// Who sends the goods; the declarant for an export.
	pub consignor: TradeParty<T>,
	/// Who receives them; the declarant for an import.
	pub consignee: TradeParty<T>,
	/// The country the goods are bought from (import) or sold to (export).
	pub trading_country: CountryCode,
	/// The country the goods come from.
	pub origin_country: CountryCode,
	/// How they cross the border.
	pub transport_mode: TransportMode,
	/// The office of entry or exit.
	pub office: OfficeCode,
	/// The delivery terms.
	pub incoterm: Incoterm,
	/// Currency of the line values.
	pub currency: CurrencyCode,
	/// The goods, at least one line.
	pub items: BoundedVec<LineItem, T::MaxItems>,
	/// Hashes of the documents; an invoice among them.
	pub documents: BoundedVec<Document, T::MaxDocuments>,
}

/// The lanes of risk management (ASYCUDA practice), from the lightest.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Lane {
	/// Released without examination.
	Green,
	/// Released; audited after clearance.
	Blue,
	/// Released after a documentary check.
	Yellow,
	/// Released after physical and documentary examination.
	Red,
}

impl Lane {
	/// Whether the lane releases at once, without a check before release.
	pub fn releases_at_once(&self) -> bool {
		matches!(self, Lane::Green | Lane::Blue)
	}
}

/// Where a declaration stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum DeclarationStatus {
	/// Lodged before the goods arrived; the lane is assigned when customs records arrival.
	AwaitingArrival,
	/// Under customs control on a lane that checks before release.
	UnderControl,
	/// Held (queried) by an officer: the declarant amends or withdraws it.
	Held,
	/// Released; final.
	Released,
	/// Rejected by an officer; final.
	Rejected,
	/// Withdrawn by the declarant before release; final.
	Withdrawn,
}

impl DeclarationStatus {
	/// Released, rejected or withdrawn: nothing changes any more.
	pub fn is_final(&self) -> bool {
		matches!(
			self,
			DeclarationStatus::Released
				| DeclarationStatus::Rejected
				| DeclarationStatus::Withdrawn
		)
	}
}

/// The result of a documentary or physical check.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Inspection {
	/// The goods and documents agree with the declaration.
	pub passed: bool,
	/// Hash of the inspection report, kept off chain.
	pub report_hash: H256,
	/// The lane the check was made for.
	pub lane: Lane,
}

/// A customs declaration and where it stands.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Declaration<T: Config> {
	/// What is declared.
	pub content: DeclarationContent<T>,
	/// The domestic company that declares, by its code.
	pub declarant: Uscc,
	/// The customs broker that lodged for it, if any.
	pub broker: Option<Uscc>,
	/// The account that lodged it.
	pub lodged_by: T::AccountId,
	/// When it was lodged.
	pub lodged_at: UnixMillis,
	/// When customs recorded the goods' arrival (pre-arrival declarations only).
	pub arrived_at: Option<UnixMillis>,
	/// Where it stands.
	pub status: DeclarationStatus,
	/// The lane, once assigned.
	pub lane: Option<Lane>,
	/// The last check recorded.
	pub inspection: Option<Inspection>,
	/// Duty assessed, in the declaration currency's minor unit, once the lane is assigned.
	pub duty: Option<u128>,
	/// When it was released.
	pub released_at: Option<UnixMillis>,
	/// Milliseconds from lodgement, or arrival if later, to release.
	pub clearance_millis: Option<u64>,
}

impl<T: Config> Declaration<T> {
	/// The moment clearance time runs from: arrival for a pre-arrival declaration,
	/// lodgement otherwise.
	pub fn clock_start(&self) -> UnixMillis {
		self.arrived_at.unwrap_or(self.lodged_at)
	}
}

/// A customs credit rating (Measures for the Administration of Enterprise Credit, 2021).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum CreditRating {
	/// Advanced certified enterprise: China's authorised economic operator (AEO).
	AdvancedCertified,
	/// A company with an ordinary record (the rating of a company customs has not rated).
	General,
	/// Dishonest: every declaration is examined.
	Dishonest,
}

/// What a risk rule matches.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum RiskTarget {
	/// Any line in this HS chapter.
	Chapter(u8),
	/// Any line in this HS heading (four digits as a number).
	Heading(u16),
	/// Any line, or the declaration, originating in this country.
	OriginCountry(CountryCode),
	/// Declarations by this company.
	Declarant(Uscc),
}

/// A rule customs sets: declarations it matches go on at least `lane`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct RiskRule {
	/// What it matches.
	pub target: RiskTarget,
	/// The lightest lane for a match.
	pub lane: Lane,
}

/// Upper bounds, in milliseconds, of the clearance-time histogram's buckets: 1 minute,
/// 10 minutes, 1 hour, 6 hours, 1 day, 3 days; the last bucket holds everything longer.
pub const HISTOGRAM_BOUNDS: [u64; 6] =
	[60_000, 600_000, 3_600_000, 21_600_000, 86_400_000, 259_200_000];

/// Running figures of clearance times.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct ClearanceStats {
	/// Declarations released.
	pub count: u64,
	/// Their clearance times added up, in milliseconds.
	pub total_millis: u128,
	/// The longest clearance time.
	pub max_millis: u64,
	/// How many fell in each bucket of [`HISTOGRAM_BOUNDS`] (below the first bound, ...),
	/// the last for longer times: enough to read the median's bucket.
	pub histogram: [u64; 7],
}

impl ClearanceStats {
	/// Adds one clearance time.
	pub fn record(&mut self, millis: u64) {
		self.count = self.count.saturating_add(1);
		self.total_millis = self.total_millis.saturating_add(millis.into());
		self.max_millis = self.max_millis.max(millis);
		let bucket = HISTOGRAM_BOUNDS
			.iter()
			.position(|bound| millis < *bound)
			.unwrap_or(HISTOGRAM_BOUNDS.len());
		if let Some(slot) = self.histogram.get_mut(bucket) {
			*slot = slot.saturating_add(1);
		}
	}
}

/// Who did something to a declaration.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Actor<AccountId> {
	/// The declarant's or its broker's account.
	Declarant(AccountId),
	/// A customs officer.
	Officer(AgencyOfficer<AccountId>),
}

/// One step in a declaration's history.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Step {
	/// Lodged; pre-arrival or not.
	Lodged { pre_arrival: bool },
	/// Customs recorded the goods' arrival.
	Arrived,
	/// The lane was assigned and duty assessed; `random` if the random selection chose it.
	LaneAssigned { lane: Lane, duty: u128, random: bool },
	/// An officer moved it to another lane.
	Rerouted { from: Lane, to: Lane },
	/// An officer recorded a check.
	Inspected(Inspection),
	/// Released after this many milliseconds.
	Released { clearance_millis: u64 },
	/// Held by an officer.
	Held,
	/// The declarant amended the held declaration (the new content is stored).
	Amended { duty: u128 },
	/// Rejected by an officer.
	Rejected,
	/// Withdrawn by the declarant.
	Withdrawn,
}

/// An entry of a declaration's history.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct HistoryEntry<T: Config> {
	/// Chain time.
	pub at: UnixMillis,
	/// Who acted.
	pub actor: Actor<T::AccountId>,
	/// What happened.
	pub step: Step,
	/// The reason given (holds, rejections, re-routing), UTF-8; empty otherwise.
	pub reason: Text<T::MaxReasonLength>,
}

/// A line of the tariff table: an HS heading (four digits as a number, e.g. 901) or
/// subheading (six digits, e.g. 90121).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum TariffLine {
	/// All goods of a heading.
	Heading(u16),
	/// All goods of a subheading; overrides its heading's rate.
	Subheading(u32),
}

impl TariffLine {
	/// Whether the HS can have it: chapter 1-97 but not 77, in range.
	pub fn is_valid(&self) -> bool {
		let chapter = match self {
			TariffLine::Heading(heading) => u32::from(*heading) / 100,
			TariffLine::Subheading(subheading) => *subheading / 10_000,
		};
		let in_range = match self {
			TariffLine::Heading(heading) => *heading <= 9_999,
			TariffLine::Subheading(subheading) => *subheading <= 999_999,
		};
		in_range && valid_chapter(chapter)
	}
}

/// HS chapters are 1 to 97; 77 is reserved.
pub fn valid_chapter(chapter: u32) -> bool {
	(1..=97).contains(&chapter) && chapter != 77
}
