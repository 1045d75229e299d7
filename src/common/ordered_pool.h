// Internal header. Runs a function over a stream of items on N threads and
// hands the results back in input order. Documents differ in length by 100x,
// so a fixed batch per thread would idle; here each worker takes the next item
// as it frees up, and a bounded window (threads x 32 items) caps memory.
// Threads are woken in batches, not per item: a wake-up is a system call and
// a context switch, which cost as much as analysing a short article. The
// submitting thread sleeps until half the window is finished, and a worker is
// signalled only when one is actually asleep.
#ifndef RASD_COMMON_ORDERED_POOL_H_
#define RASD_COMMON_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace rasd {

// In: the item type; Out: the result type; Ctx: per-thread scratch.
template <typename In, typename Out, typename Ctx>
class OrderedPool {
 public:
  using Work = std::function<Out(In&&, Ctx*)>;
  using Sink = std::function<void(Out&&)>;

  OrderedPool(std::size_t threads, Work work, Sink sink)
      : work_(std::move(work)),
        sink_(std::move(sink)),
        window_((threads == 0 ? 1 : threads) * kItemsPerThread),
        results_(window_) {
    if (threads == 0) threads = 1;
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }

  ~OrderedPool() { Finish(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Queues one item; blocks while the window is full, delivering finished
  // results to the sink in order meanwhile (on the calling thread).
  void Submit(In item) {
    std::unique_lock<std::mutex> lock(mu_);
    while (next_in_ - next_out_ >= window_) {
      if (!DeliverReady(&lock)) WaitForBatch(&lock);
    }
    queue_.emplace_back(next_in_++, std::move(item));
    if (idle_workers_ > 0) work_cv_.notify_one();
  }

  // Waits for every queued item and delivers the rest; idempotent.
  void Finish() {
    std::unique_lock<std::mutex> lock(mu_);
    if (finished_) return;
    while (next_out_ < next_in_) {
      if (!DeliverReady(&lock)) WaitForBatch(&lock);
    }
    finished_ = true;
    work_cv_.notify_all();
    lock.unlock();
    for (auto& t : workers_) t.join();
  }

 private:
  static constexpr std::size_t kItemsPerThread = 32;

  std::optional<Out>& Slot(std::size_t index) { return results_[index % window_]; }

  // What the submitting thread waits for: the next result in order, and
  // either half a window of results or nothing left queued (the end of the
  // input, or a worker about to idle). Called with mu_ held.
  bool BatchReady() {
    if (!Slot(next_out_).has_value()) return false;
    return finished_count_ * 2 >= window_ || queue_.empty();
  }

  void WaitForBatch(std::unique_lock<std::mutex>* lock) {
    submitter_waiting_ = true;
    done_cv_.wait(*lock, [this] { return BatchReady(); });
    submitter_waiting_ = false;
  }

  // Delivers the results that are next in order, outside the lock; false
  // when none was ready.
  bool DeliverReady(std::unique_lock<std::mutex>* lock) {
    delivering_.clear();
    while (next_out_ < next_in_ && Slot(next_out_).has_value()) {
      delivering_.push_back(std::move(*Slot(next_out_)));
      Slot(next_out_).reset();
      ++next_out_;
      --finished_count_;
    }
    if (delivering_.empty()) return false;
    lock->unlock();
    for (Out& out : delivering_) sink_(std::move(out));
    lock->lock();
    return true;
  }

  void WorkerLoop() {
    Ctx ctx;
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (queue_.empty() && !finished_) {
        ++idle_workers_;
        work_cv_.wait(lock, [this] { return finished_ || !queue_.empty(); });
        --idle_workers_;
      }
      if (queue_.empty()) return;
      auto [index, item] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      Out out = work_(std::move(item), &ctx);
      lock.lock();
      Slot(index).emplace(std::move(out));
      ++finished_count_;
      if (submitter_waiting_ && BatchReady()) done_cv_.notify_one();
    }
  }

  Work work_;
  Sink sink_;
  const std::size_t window_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<std::pair<std::size_t, In>> queue_;
  // Results by input index modulo the window: at most window_ are in flight.
  std::vector<std::optional<Out>> results_;
  std::vector<Out> delivering_;     // used by the submitting thread only
  std::size_t finished_count_ = 0;  // results stored, not yet delivered
  std::size_t idle_workers_ = 0;
  bool submitter_waiting_ = false;
  std::size_t next_in_ = 0;
  std::size_t next_out_ = 0;
  bool finished_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace rasd

#endif  // RASD_COMMON_ORDERED_POOL_H_
