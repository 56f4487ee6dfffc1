#include "analytics/fp_growth.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numeric>

namespace patron::analytics {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

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
      std::uint32_t child = first_child_[node];
      while (child != kNone && rank_[child] != rank) child = next_sibling_[child];
      if (child == kNone) {
        child = add_node(rank, node, 0);
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
    first_child_.push_back(kNone);
    next_sibling_.push_back(parent == kNone ? kNone : first_child_[parent]);
    next_same_.push_back(kNone);
    if (parent != kNone) first_child_[parent] = node;
    return node;
  }

  std::vector<std::uint32_t> item_of_rank_, head_, support_;
  std::vector<std::uint32_t> rank_, count_, parent_, first_child_, next_sibling_, next_same_;
};

class Miner {
 public:
  Miner(std::uint32_t min_count, std::size_t max_length, FrequentItemsets& out)
      : min_count_(min_count), max_length_(max_length), out_(out) {}

  void mine(const FpTree& tree) {
    // Least frequent first: its conditional trees are the smallest.
    for (std::uint32_t rank = static_cast<std::uint32_t>(tree.ranks()); rank-- > 0;) {
      prefix_.push_back(tree.item(rank));
      emit(tree.support(rank));
      if (prefix_.size() < max_length_) {
        const FpTree conditional = conditional_tree(tree, rank);
        if (conditional.ranks() > 0) mine(conditional);
      }
      prefix_.pop_back();
    }
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
  FpTree conditional_tree(const FpTree& tree, std::uint32_t rank) {
    std::vector<std::uint32_t> support(rank, 0);  // only ranks < rank lie above it
    tree.for_each_prefix_path(rank, path_, [&](const std::vector<std::uint32_t>& path, std::uint32_t count) {
      for (const std::uint32_t r : path) support[r] += count;
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
    tree.for_each_prefix_path(rank, path_, [&](const std::vector<std::uint32_t>& path, std::uint32_t count) {
      filtered.clear();
      for (auto it = path.rbegin(); it != path.rend(); ++it) {
        if (local[*it] != kNone) filtered.push_back(local[*it]);
      }
      if (!filtered.empty()) conditional.insert(filtered, count);
    });
    return conditional;
  }

  std::uint32_t min_count_;
  std::size_t max_length_;
  FrequentItemsets& out_;
  std::vector<std::uint32_t> prefix_, path_;
};

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
  FrequentItemsets out;
  Miner(min_count, max_length, out).mine(tree);
  return out;
}

}  // namespace patron::analytics
