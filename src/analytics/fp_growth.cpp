#include "analytics/fp_growth.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <limits>
#include <numeric>

#include "analytics/parallel.h"

namespace patron::analytics {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMinRanksPerWorker = 16;  // below this, one thread

// The child of a node for a rank, in one open-addressing table for the whole
// tree: a node near the root can have hundreds of children, and a list of
// siblings would be walked on every insert.
class ChildIndex {
 public:
  std::uint32_t find(std::uint32_t parent, std::uint32_t rank) const {
    if (slots_.empty()) return kNone;
    const std::uint64_t key = pack(parent, rank);
    for (std::size_t slot = home(key);; slot = (slot + 1) & mask()) {
      if (slots_[slot].child == kNone) return kNone;
      if (slots_[slot].key == key) return slots_[slot].child;
    }
  }
  void insert(std::uint32_t parent, std::uint32_t rank, std::uint32_t child) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    place({pack(parent, rank), child});
    ++used_;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t child = kNone;
  };
  static std::uint64_t pack(std::uint32_t parent, std::uint32_t rank) {
    return (static_cast<std::uint64_t>(parent) << 32) | rank;
  }
  std::size_t mask() const { return slots_.size() - 1; }
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask();
  }
  void place(const Slot& entry) {
    std::size_t slot = home(entry.key);
    while (slots_[slot].child != kNone) slot = (slot + 1) & mask();
    slots_[slot] = entry;
  }
  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    for (const Slot& entry : old) {
      if (entry.child != kNone) place(entry);
    }
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

// A prefix tree over ranks 0..ranks-1 (0 = most frequent item of the tree).
// Node 0 is the root. Nodes of one rank are chained from head through
// next_same, which is how FP-Growth finds an item's prefix paths.
class FpTree {
 public:
  explicit FpTree(std::vector<std::uint32_t> item_of_rank)
      : item_of_rank_(std::move(item_of_rank)),
        head_(item_of_rank_.size(), kNone),
        support_(item_of_rank_.size(), 0) {
    add_node(kNone, kNone, 0);
  }

  std::size_t ranks() const { return item_of_rank_.size(); }
  std::uint32_t item(std::uint32_t rank) const { return item_of_rank_[rank]; }
  std::uint32_t support(std::uint32_t rank) const { return support_[rank]; }

  // ascending_ranks runs from the root down.
  void insert(std::span<const std::uint32_t> ascending_ranks, std::uint32_t count) {
    std::uint32_t node = 0;
    for (const std::uint32_t rank : ascending_ranks) {
      std::uint32_t child = children_.find(node, rank);
      if (child == kNone) {
        child = add_node(rank, node, 0);
        children_.insert(node, rank, child);
        next_same_[child] = head_[rank];
        head_[rank] = child;
      }
      count_[child] += count;
      support_[rank] += count;
      node = child;
    }
  }

  // Calls fn(path_ranks_descending, count) for every prefix path of rank.
  template <typename Fn>
  void for_each_prefix_path(std::uint32_t rank, std::vector<std::uint32_t>& path, Fn&& fn) const {
    for (std::uint32_t node = head_[rank]; node != kNone; node = next_same_[node]) {
      path.clear();
      for (std::uint32_t up = parent_[node]; up != 0; up = parent_[up]) path.push_back(rank_[up]);
      if (!path.empty()) fn(path, count_[node]);
    }
  }

 private:
  std::uint32_t add_node(std::uint32_t rank, std::uint32_t parent, std::uint32_t count) {
    const auto node = static_cast<std::uint32_t>(rank_.size());
    rank_.push_back(rank);
    count_.push_back(count);
    parent_.push_back(parent);
    next_same_.push_back(kNone);
    return node;
  }

  std::vector<std::uint32_t> item_of_rank_, head_, support_;
  std::vector<std::uint32_t> rank_, count_, parent_, next_same_;
  ChildIndex children_;
};

class Miner {
 public:
  Miner(std::uint32_t min_count, std::size_t max_length, FrequentItemsets& out)
      : min_count_(min_count), max_length_(max_length), out_(out) {}

  void mine(const FpTree& tree) {
    // Least frequent first: its conditional trees are the smallest.
    for (std::uint32_t rank = static_cast<std::uint32_t>(tree.ranks()); rank-- > 0;) mine_rank(tree, rank);
  }

  // The itemsets that end in rank's item (and items of lower rank).
  void mine_rank(const FpTree& tree, std::uint32_t rank) {
    prefix_.push_back(tree.item(rank));
    emit(tree.support(rank));
    if (prefix_.size() < max_length_) {
      const FpTree conditional = conditional_tree(tree, rank);
      if (conditional.ranks() > 0) mine(conditional);
    }
    prefix_.pop_back();
  }

 private:
  void emit(std::uint32_t count) {
    const std::size_t begin = out_.items.size();
    out_.items.insert(out_.items.end(), prefix_.begin(), prefix_.end());
    std::sort(out_.items.begin() + static_cast<std::ptrdiff_t>(begin), out_.items.end());
    out_.offset.push_back(static_cast<std::uint32_t>(out_.items.size()));
    out_.count.push_back(count);
  }

  // The tree of rank's prefix paths, keeping only items frequent among them.
  // Each path is walked up the tree once (the walk is the cost: pointer
  // chasing) and kept in a flat buffer for both passes.
  FpTree conditional_tree(const FpTree& tree, std::uint32_t rank) {
    std::vector<std::uint32_t> support(rank, 0);  // only ranks < rank lie above it
    paths_.clear();
    path_end_.clear();
    path_count_.clear();
    tree.for_each_prefix_path(rank, path_, [&](const std::vector<std::uint32_t>& path, std::uint32_t count) {
      for (const std::uint32_t r : path) support[r] += count;
      paths_.insert(paths_.end(), path.begin(), path.end());
      path_end_.push_back(paths_.size());
      path_count_.push_back(count);
    });
    std::vector<std::uint32_t> local(rank, kNone), item_of_local;
    for (std::uint32_t r = 0; r < rank; ++r) {
      if (support[r] < min_count_) continue;
      local[r] = static_cast<std::uint32_t>(item_of_local.size());
      item_of_local.push_back(tree.item(r));
    }
    FpTree conditional(std::move(item_of_local));
    if (conditional.ranks() == 0) return conditional;
    std::vector<std::uint32_t> filtered;
    std::size_t begin = 0;
    for (std::size_t p = 0; p < path_end_.size(); begin = path_end_[p++]) {
      filtered.clear();
      for (std::size_t k = path_end_[p]; k-- > begin;) {  // stored leaf-up; inserted root-down
        if (local[paths_[k]] != kNone) filtered.push_back(local[paths_[k]]);
      }
      if (!filtered.empty()) conditional.insert(filtered, path_count_[p]);
    }
    return conditional;
  }

  std::uint32_t min_count_;
  std::size_t max_length_;
  FrequentItemsets& out_;
  std::vector<std::uint32_t> prefix_, path_;
  std::vector<std::uint32_t> paths_, path_count_;  // the prefix paths of one rank, flat
  std::vector<std::size_t> path_end_;
};

void append(FrequentItemsets& to, const FrequentItemsets& from) {
  const std::uint32_t base = to.offset.back();
  for (std::size_t k = 1; k < from.offset.size(); ++k) to.offset.push_back(base + from.offset[k]);
  to.items.insert(to.items.end(), from.items.begin(), from.items.end());
  to.count.insert(to.count.end(), from.count.begin(), from.count.end());
}

// The top-level ranks are independent (each reads the shared tree and builds
// its own conditional trees), so workers take them from a counter, least
// frequent first; the results are joined in rank order, as one thread would
// have produced them.
FrequentItemsets mine_in_parallel(const FpTree& tree, std::uint32_t min_count, std::size_t max_length) {
  const auto ranks = static_cast<std::uint32_t>(tree.ranks());
  std::vector<FrequentItemsets> per_rank(ranks);
  std::atomic<std::uint32_t> next{0};
  const unsigned workers = workers_for(ranks, kMinRanksPerWorker, 0);
  parallel_chunks(workers, workers, [&](std::size_t, std::size_t, unsigned) {
    for (std::uint32_t taken = next++; taken < ranks; taken = next++) {
      const std::uint32_t rank = ranks - 1 - taken;
      Miner(min_count, max_length, per_rank[rank]).mine_rank(tree, rank);
    }
  });
  FrequentItemsets out;
  for (std::uint32_t rank = ranks; rank-- > 0;) append(out, per_rank[rank]);
  return out;
}

}  // namespace

FrequentItemsets fp_growth(const Baskets& baskets, std::uint32_t min_count, std::size_t max_length) {
  assert(min_count >= 1 && max_length >= 1);
  std::vector<std::uint32_t> item_support(baskets.item_count(), 0);
  for (const std::uint32_t item : baskets.items) ++item_support[item];
  // Ranks: frequent items by descending support (ties by id, for determinism).
  std::vector<std::uint32_t> by_support;
  for (std::uint32_t item = 0; item < item_support.size(); ++item) {
    if (item_support[item] >= min_count) by_support.push_back(item);
  }
  std::sort(by_support.begin(), by_support.end(), [&](std::uint32_t l, std::uint32_t r) {
    return item_support[l] != item_support[r] ? item_support[l] > item_support[r] : l < r;
  });
  std::vector<std::uint32_t> rank_of(baskets.item_count(), kNone);
  for (std::uint32_t rank = 0; rank < by_support.size(); ++rank) rank_of[by_support[rank]] = rank;

  FpTree tree(by_support);
  std::vector<std::uint32_t> ranks;
  for (std::size_t b = 0; b < baskets.size(); ++b) {
    ranks.clear();
    for (std::uint32_t k = baskets.offset[b]; k < baskets.offset[b + 1]; ++k) {
      if (rank_of[baskets.items[k]] != kNone) ranks.push_back(rank_of[baskets.items[k]]);
    }
    std::sort(ranks.begin(), ranks.end());
    if (!ranks.empty()) tree.insert(ranks, 1);
  }
  return mine_in_parallel(tree, min_count, max_length);
}

}  // namespace patron::analytics
