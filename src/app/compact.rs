//! Compact lists for the reader's index. A large text has millions of
//! quotes, entities, topic tags and blocks, and the index of each is held
//! beside the document for as long as the reader is open: with byte offsets
//! as `u64`, the index alone took more than the memory bound leaves for it
//! (four times the input and 30 MiB). Here every item is kept packed, its
//! offsets as `u32` (the text is far under 4 GiB: documents are at most
//! 1 GiB), and unpacked to the reader's plain types when read. A list whose
//! items do not all fit keeps them as they are, so nothing is ever cut.

use crate::model::Span;

/// An item that packs into a smaller form (its offsets as `u32`).
pub trait Pack: Copy {
    /// The packed form.
    type Packed: Copy + std::fmt::Debug;
    /// The packed form, when every offset fits in `u32`.
    fn pack(self) -> Option<Self::Packed>;
    /// The item again.
    fn unpack(p: Self::Packed) -> Self;
}

/// A span packed as two `u32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    /// `span` packed, when both offsets fit.
    pub fn new(span: Span) -> Option<Span32> {
        Some(Span32 {
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
        })
    }

    /// The span again.
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A list of `T`, packed while every item packs.
#[derive(Debug, Clone)]
pub enum Compact<T: Pack> {
    /// Every item packed.
    Packed(Vec<T::Packed>),
    /// The items as they are (one of them did not pack).
    Wide(Vec<T>),
}

impl<T: Pack> Default for Compact<T> {
    fn default() -> Self {
        Compact::Packed(Vec::new())
    }
}

impl<T: Pack> Compact<T> {
    /// An empty list with room for `n` packed items: a list made at its
    /// final size never leaves outgrown copies behind in the allocator.
    pub fn with_capacity(n: usize) -> Self {
        Compact::Packed(Vec::with_capacity(n))
    }

    /// Add `item` at the end.
    pub fn push(&mut self, item: T) {
        match self {
            Compact::Packed(v) => match item.pack() {
                Some(p) => v.push(p),
                None => {
                    let mut wide: Vec<T> = v.iter().map(|&p| T::unpack(p)).collect();
                    wide.push(item);
                    *self = Compact::Wide(wide);
                }
            },
            Compact::Wide(v) => v.push(item),
        }
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        match self {
            Compact::Packed(v) => v.len(),
            Compact::Wide(v) => v.len(),
        }
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<T> {
        match self {
            Compact::Packed(v) => v.get(i).map(|&p| T::unpack(p)),
            Compact::Wide(v) => v.get(i).copied(),
        }
    }

    /// Item `i` (which must exist, as when indexing a slice).
    pub fn at(&self, i: usize) -> T {
        match self {
            Compact::Packed(v) => T::unpack(v[i]),
            Compact::Wide(v) => v[i],
        }
    }

    /// The items in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = T> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    /// The first index whose item fails `pred` (the items are partitioned by it).
    pub fn partition_point(&self, pred: impl Fn(&T) -> bool) -> usize {
        match self {
            Compact::Packed(v) => v.partition_point(|&p| pred(&T::unpack(p))),
            Compact::Wide(v) => v.partition_point(pred),
        }
    }

    /// Sort the items by `key`, keeping equal ones in their order.
    pub fn sort_by_key<K: Ord>(&mut self, key: impl Fn(&T) -> K) {
        match self {
            Compact::Packed(v) => v.sort_by_key(|&p| key(&T::unpack(p))),
            Compact::Wide(v) => v.sort_by_key(key),
        }
    }

    /// The list's allocation cut down to its length.
    pub fn shrink_to_fit(&mut self) {
        match self {
            Compact::Packed(v) => v.shrink_to_fit(),
            Compact::Wide(v) => v.shrink_to_fit(),
        }
    }
}

impl<T: Pack> FromIterator<T> for Compact<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut out = Compact::with_capacity(iter.size_hint().0);
        for t in iter {
            out.push(t);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    struct Item(Span, u8);

    impl Pack for Item {
        type Packed = (Span32, u8);
        fn pack(self) -> Option<(Span32, u8)> {
            Some((Span32::new(self.0)?, self.1))
        }
        fn unpack((s, k): (Span32, u8)) -> Item {
            Item(s.span(), k)
        }
    }

    #[test]
    fn items_come_back_as_they_went_in_packed_or_not() {
        let items = [
            Item(Span::new(5, 9), 1),
            Item(Span::new(0, 3), 2),
            Item(Span::new(5, 7), 3),
        ];
        let mut c: Compact<Item> = items.iter().copied().collect();
        assert!(matches!(c, Compact::Packed(_)));
        assert_eq!(c.iter().collect::<Vec<_>>(), items);
        c.sort_by_key(|i| i.0.start);
        assert_eq!(c.at(0), items[1]);
        assert_eq!(c.get(1), Some(items[0]), "equal keys keep their order");
        assert_eq!(c.get(3), None);
        assert_eq!(c.partition_point(|i| i.0.start < 5), 1);
        // An offset past u32: the list keeps its items wide, nothing cut.
        let far = Item(Span::new(1, u32::MAX as usize + 2), 4);
        c.push(far);
        assert!(matches!(c, Compact::Wide(_)));
        assert_eq!(c.len(), 4);
        assert_eq!(c.at(3), far);
        assert_eq!(c.at(0), items[1]);
    }
}
