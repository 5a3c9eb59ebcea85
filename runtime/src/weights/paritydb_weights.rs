//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-11-29 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `govchain development`
//! BLOCK-NUM: `Number(280)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `/tmp/weights`
//! METRIC: `P95Percentile`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /tmp/govchain-node-bench
//   benchmark
//   storage
//   --chain
//   raw.json
//   --base-path
//   /tmp/grow/db
//   --database
//   paritydb
//   --state-version
//   1
//   --metric
//   p95
//   --batch-size
//   1000
//   --weight-path
//   /tmp/weights

/// Storage DB weights for the `govchain development` runtime and `ParityDb`.
pub mod constants {
	use polkadot_sdk::frame_support::weights::constants;
	use polkadot_sdk::frame_support::weights::RuntimeDbWeight;
	use polkadot_sdk::sp_core::parameter_types;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *P95Percentile* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 1_002, 14_514_789
			///   Average:  6_616
			///   Median:   6_129
			///   Std-Dev:  18898.58
			///
			/// Percentiles nanoseconds:
			///   99th: 15_824
			///   95th: 8_223
			///   75th: 6_860
			read: 8_223 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *P95Percentile* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 11_395, 48_170
			///   Average:  19_073
			///   Median:   18_637
			///   Std-Dev:  2912.98
			///
			/// Percentiles nanoseconds:
			///   99th: 30_030
			///   95th: 21_811
			///   75th: 19_597
			write: 21_811 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use polkadot_sdk::frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
