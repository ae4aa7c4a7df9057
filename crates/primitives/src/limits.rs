//! Limits shared across contracts. String limits are UTF-8 **byte** lengths.
use alloy_primitives::U256;
use stylus_sdk::prelude::SolidityError;

use crate::errors::{BatchTooLarge, EmptyBatch};

/// Largest batch any batch function accepts (spec 00 §4).
pub const MAX_BATCH_SIZE: usize = 50;
/// Longest type string of a registered component (spec 01 §4, `TypeTooLong`).
pub const MAX_TYPE_LENGTH: usize = 100;
/// Additional resolvers a record may carry besides its primary (spec 02 §1).
pub const MAX_ADDITIONAL_RESOLVERS: usize = 10;
/// Most bytes of a resolver's return or revert data the registry copies (spec 02 §1).
pub const MAX_REVERT_BUBBLE: usize = 2048;
/// Longest encrypted contact URL of `SimpleContactResolver` (spec 03 §3).
pub const MAX_ENCRYPTED_URL_LENGTH: usize = 2000;
/// Longest encrypted label of an anonymous reservation (spec 10).
pub const MAX_ENCRYPTED_LABEL_LENGTH: usize = 500;
/// Most tokens one record may reserve in a tokenizer (spec 10).
pub const MAX_TOKENS_PER_DOCUMENT: usize = 100;

/// Why a batch's size was refused.
#[derive(SolidityError, Debug, PartialEq, Eq)]
pub enum BatchSizeError {
    /// No items.
    Empty(EmptyBatch),
    /// More than [`MAX_BATCH_SIZE`] items.
    TooLarge(BatchTooLarge),
}

/// Accepts `1..=MAX_BATCH_SIZE` items.
///
/// # Errors
/// [`BatchSizeError::Empty`] for 0 items, [`BatchSizeError::TooLarge`] above the maximum.
pub fn check_batch_size(size: usize) -> Result<(), BatchSizeError> {
    if size == 0 {
        return Err(BatchSizeError::Empty(EmptyBatch {}));
    }
    if size > MAX_BATCH_SIZE {
        return Err(BatchSizeError::TooLarge(BatchTooLarge {
            size: U256::from(size),
            max: U256::from(MAX_BATCH_SIZE),
        }));
    }
    Ok(())
}

/// The half-open range `[offset, min(offset + limit, len))` used by every paginated getter;
/// empty when `offset ≥ len` or `limit = 0`. Never overflows.
#[must_use]
pub fn page_bounds(len: usize, offset: U256, limit: U256) -> core::ops::Range<usize> {
    let Ok(start) = usize::try_from(offset) else {
        return 0..0;
    };
    if start >= len {
        return 0..0;
    }
    let end = usize::try_from(limit).map_or(len, |l| start.saturating_add(l).min(len));
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_of_one_and_of_the_maximum_pass() {
        assert_eq!(check_batch_size(1), Ok(()));
        assert_eq!(check_batch_size(MAX_BATCH_SIZE), Ok(()));
    }

    #[test]
    fn empty_batch_is_refused() {
        assert_eq!(
            check_batch_size(0),
            Err(BatchSizeError::Empty(EmptyBatch {}))
        );
    }

    #[test]
    fn batch_one_past_the_maximum_is_refused_with_both_numbers() {
        assert_eq!(
            check_batch_size(MAX_BATCH_SIZE + 1),
            Err(BatchSizeError::TooLarge(BatchTooLarge {
                size: U256::from(51),
                max: U256::from(50)
            }))
        );
    }

    #[test]
    fn page_is_clipped_to_the_list() {
        assert_eq!(page_bounds(5, U256::from(1), U256::from(2)), 1..3);
        assert_eq!(page_bounds(5, U256::from(3), U256::from(10)), 3..5);
        assert_eq!(page_bounds(5, U256::ZERO, U256::from(5)), 0..5);
    }

    #[test]
    fn page_is_empty_past_the_end_or_for_zero_limit() {
        assert!(page_bounds(5, U256::from(5), U256::from(1)).is_empty());
        assert!(page_bounds(5, U256::from(2), U256::ZERO).is_empty());
        assert!(page_bounds(0, U256::ZERO, U256::from(3)).is_empty());
    }

    #[test]
    fn page_with_huge_numbers_does_not_overflow() {
        assert_eq!(page_bounds(5, U256::from(4), U256::MAX), 4..5);
        assert!(page_bounds(5, U256::MAX, U256::MAX).is_empty());
        assert_eq!(page_bounds(5, U256::ZERO, U256::from(usize::MAX)), 0..5);
    }
}
