//! Civil dates and the chain's time as Chinese officials read it.
//!
//! The chain's time is the timestamp pallet's: milliseconds since the Unix epoch (UTC).
//! Legal deadlines are set in China Standard Time (UTC+8, no daylight saving), so a
//! deadline "30 June" ends at 1 July 00:00 CST, which is 30 June 16:00 UTC.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Milliseconds since 1970-01-01 00:00 UTC: the timestamp pallet's `Moment`.
pub type UnixMillis = u64;

/// The chain's time read from `Time` (the timestamp pallet), in milliseconds; a time past
/// `u64` (in 584 million years) reads as the greatest.
pub fn chain_time<Time: polkadot_sdk::frame_support::traits::UnixTime>() -> UnixMillis {
	u64::try_from(Time::now().as_millis()).unwrap_or(u64::MAX)
}

const MILLIS_PER_DAY: i64 = 86_400_000;
/// China Standard Time is UTC+8.
const CST_OFFSET_MILLIS: i64 = 8 * 3_600_000;

/// A calendar date (proleptic Gregorian), e.g. a company's establishment date.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct CivilDate {
	/// Year, 1949 or later.
	pub year: u16,
	/// Month, 1..=12.
	pub month: u8,
	/// Day of the month, 1..=31 as the month allows.
	pub day: u8,
}

/// Earliest year a date may carry: the registers govchain replaces start with the People's
/// Republic; anything earlier is a typing error.
pub const EARLIEST_YEAR: u16 = 1949;

impl CivilDate {
	/// Whether the date exists (29 February only in leap years) and is not before 1949.
	pub fn is_valid(&self) -> bool {
		self.year >= EARLIEST_YEAR
			&& (1..=12).contains(&self.month)
			&& self.day >= 1
			&& self.day <= days_in_month(self.year, self.month)
	}

	/// The moment the date begins in China Standard Time.
	pub fn start_in_cst(&self) -> UnixMillis {
		let days = days_from_civil(i64::from(self.year), self.month.into(), self.day.into());
		// Dates from 1949 on are less than 2^16 years * 366 days from the epoch: the product
		// fits an i64 with room to spare, and dates from 1970 on are non-negative.
		let millis = days * MILLIS_PER_DAY - CST_OFFSET_MILLIS;
		u64::try_from(millis).unwrap_or(0)
	}

	/// The moment the date ends in China Standard Time: the start of the next day. A
	/// deadline falling on this date is missed from this moment.
	pub fn end_in_cst(&self) -> UnixMillis {
		self.start_in_cst().saturating_add(MILLIS_PER_DAY as u64)
	}

	/// The same day `years` calendar years later, as the law counts "within five years"
	/// (Civil Code Art. 202): 29 February becomes 28 February in a common year.
	pub fn years_later(&self, years: u16) -> CivilDate {
		let year = self.year.saturating_add(years);
		CivilDate { year, month: self.month, day: self.day.min(days_in_month(year, self.month)) }
	}
}

/// The calendar year a moment falls in, in China Standard Time.
pub fn year_in_cst(moment: UnixMillis) -> u16 {
	// A u64 of milliseconds is at most ~2.1e11 days: the division leaves room in an i64.
	let local = i64::try_from(moment).unwrap_or(i64::MAX).saturating_add(CST_OFFSET_MILLIS);
	let (year, _, _) = civil_from_days(local.div_euclid(MILLIS_PER_DAY));
	u16::try_from(year).unwrap_or(u16::MAX)
}

/// The moment the annual report for `year` becomes late: 1 July of the next year, 00:00 CST.
/// A report filed at any moment before it is on time (the rule says "by 30 June").
pub fn annual_report_deadline(year: u16) -> UnixMillis {
	CivilDate { year: year.saturating_add(1), month: 7, day: 1 }.start_in_cst()
}

/// The date in China time on which `moment` falls.
pub fn date_in_cst(moment: UnixMillis) -> CivilDate {
	let local = i64::try_from(moment).unwrap_or(i64::MAX).saturating_add(CST_OFFSET_MILLIS);
	let (year, month, day) = civil_from_days(local.div_euclid(MILLIS_PER_DAY));
	// A month is 1..=12 and a day 1..=31; years past u16 only after 65,535.
	CivilDate { year: u16::try_from(year).unwrap_or(u16::MAX), month: month as u8, day: day as u8 }
}

/// The same moment of the day `years` calendar years after `moment`, in China time, as the
/// law counts "within three years" or "within five years"; 29 February becomes 28 February
/// in a common year.
pub fn years_after(moment: UnixMillis, years: u16) -> UnixMillis {
	let date = date_in_cst(moment);
	let time_of_day = moment.saturating_sub(date.start_in_cst());
	date.years_later(years).start_in_cst().saturating_add(time_of_day)
}

fn is_leap_year(year: u16) -> bool {
	(year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
	match month {
		2 if is_leap_year(year) => 29,
		2 => 28,
		4 | 6 | 9 | 11 => 30,
		_ => 31,
	}
}

/// Days from 1970-01-01 to the given date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
	let year = if month <= 2 { year - 1 } else { year };
	let era = year.div_euclid(400);
	let year_of_era = year - era * 400;
	let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
	let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
	let days = days + 719_468;
	let era = days.div_euclid(146_097);
	let day_of_era = days - era * 146_097;
	let year_of_era =
		(day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
	let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	let month_index = (5 * day_of_year + 2) / 153;
	let day = day_of_year - (153 * month_index + 2) / 5 + 1;
	let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
	let year = year_of_era + era * 400 + if month <= 2 { 1 } else { 0 };
	(year, month, day)
}

#[cfg(test)]
mod tests {
	use super::*;

	// Expected moments computed independently with Python's datetime in UTC+8.

	#[test]
	fn deadlines_are_first_of_july_midnight_in_beijing() {
		assert_eq!(annual_report_deadline(1999), 962_380_800_000);
		assert_eq!(annual_report_deadline(2023), 1_719_763_200_000);
		assert_eq!(annual_report_deadline(2024), 1_751_299_200_000);
		assert_eq!(annual_report_deadline(2099), 4_118_054_400_000);
	}

	#[test]
	fn years_turn_at_midnight_in_beijing_not_in_greenwich() {
		// 2024-12-31 23:59:59 CST and 2025-01-01 00:00:00 CST.
		assert_eq!(year_in_cst(1_735_660_799_000), 2024);
		assert_eq!(year_in_cst(1_735_660_799_999), 2024);
		assert_eq!(year_in_cst(1_735_660_800_000), 2025);
		assert_eq!(year_in_cst(0), 1970);
	}

	#[test]
	fn dates_start_at_midnight_in_beijing() {
		assert_eq!(CivilDate { year: 2024, month: 3, day: 15 }.start_in_cst(), 1_710_432_000_000);
		assert_eq!(CivilDate { year: 2000, month: 2, day: 29 }.start_in_cst(), 951_753_600_000);
	}

	#[test]
	fn a_date_ends_when_the_next_begins_and_years_later_keep_the_day() {
		let date = CivilDate { year: 2024, month: 7, day: 1 };
		assert_eq!(date.end_in_cst(), CivilDate { year: 2024, month: 7, day: 2 }.start_in_cst());
		assert_eq!(date.years_later(5), CivilDate { year: 2029, month: 7, day: 1 });
		let leap_day = CivilDate { year: 2028, month: 2, day: 29 };
		assert_eq!(leap_day.years_later(5), CivilDate { year: 2033, month: 2, day: 28 });
		assert_eq!(leap_day.years_later(4), CivilDate { year: 2032, month: 2, day: 29 });
	}

	#[test]
	fn only_real_dates_from_1949_are_valid() {
		assert!(CivilDate { year: 2000, month: 2, day: 29 }.is_valid());
		assert!(CivilDate { year: 2024, month: 2, day: 29 }.is_valid());
		assert!(!CivilDate { year: 1900, month: 2, day: 29 }.is_valid());
		assert!(!CivilDate { year: 2023, month: 2, day: 29 }.is_valid());
		assert!(!CivilDate { year: 2023, month: 4, day: 31 }.is_valid());
		assert!(!CivilDate { year: 2023, month: 13, day: 1 }.is_valid());
		assert!(!CivilDate { year: 2023, month: 0, day: 1 }.is_valid());
		assert!(!CivilDate { year: 2023, month: 1, day: 0 }.is_valid());
		assert!(!CivilDate { year: 1948, month: 12, day: 31 }.is_valid());
		assert!(CivilDate { year: 1949, month: 1, day: 1 }.is_valid());
	}

	#[test]
	fn years_after_keeps_the_date_and_time_of_day_in_beijing() {
		// 2024-02-29 10:00 China time is 02:00 UTC.
		let leap_day = CivilDate { year: 2024, month: 2, day: 29 }.start_in_cst() + 36_000_000;
		assert_eq!(date_in_cst(leap_day), CivilDate { year: 2024, month: 2, day: 29 });
		assert_eq!(
			years_after(leap_day, 3),
			CivilDate { year: 2027, month: 2, day: 28 }.start_in_cst() + 36_000_000
		);
		assert_eq!(
			years_after(leap_day, 4),
			CivilDate { year: 2028, month: 2, day: 29 }.start_in_cst() + 36_000_000
		);
		// 23:30 on 31 December in Beijing is still 31 December three years on.
		let new_years_eve =
			CivilDate { year: 2024, month: 12, day: 31 }.start_in_cst() + 84_600_000;
		assert_eq!(years_after(new_years_eve, 3) - new_years_eve, 365 * 3 * 86_400_000);
	}

	#[test]
	fn day_arithmetic_round_trips() {
		for days in (-800_000..800_000).step_by(997) {
			let (year, month, day) = civil_from_days(days);
			assert_eq!(days_from_civil(year, month, day), days);
		}
	}
}
