// Internal header. Runs a function over a stream of items on N threads and
// hands the results back in input order. Documents differ in length by 100x,
// so a fixed batch per thread would idle; here each worker takes the next item
// as it frees up, and a bounded window (2 x threads x 8 items) caps memory.
#ifndef RASD_COMMON_ORDERED_POOL_H_
#define RASD_COMMON_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
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
      : work_(std::move(work)), sink_(std::move(sink)), window_(threads == 0 ? 16 : threads * 16) {
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
      if (!DeliverReady(&lock)) done_cv_.wait(lock);
    }
    queue_.emplace_back(next_in_++, std::move(item));
    work_cv_.notify_one();
  }

  // Waits for every queued item and delivers the rest; idempotent.
  void Finish() {
    std::unique_lock<std::mutex> lock(mu_);
    if (finished_) return;
    while (next_out_ < next_in_) {
      if (!DeliverReady(&lock)) done_cv_.wait(lock);
    }
    finished_ = true;
    work_cv_.notify_all();
    lock.unlock();
    for (auto& t : workers_) t.join();
  }

 private:
  // Delivers results that are next in order; false when none was ready.
  bool DeliverReady(std::unique_lock<std::mutex>* lock) {
    bool delivered = false;
    for (auto it = done_.find(next_out_); it != done_.end(); it = done_.find(next_out_)) {
      Out out = std::move(it->second);
      done_.erase(it);
      ++next_out_;
      lock->unlock();
      sink_(std::move(out));
      lock->lock();
      delivered = true;
    }
    return delivered;
  }

  void WorkerLoop() {
    Ctx ctx;
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [this] { return finished_ || !queue_.empty(); });
      if (queue_.empty()) return;
      auto [index, item] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      Out out = work_(std::move(item), &ctx);
      lock.lock();
      done_.emplace(index, std::move(out));
      done_cv_.notify_all();
    }
  }

  Work work_;
  Sink sink_;
  const std::size_t window_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<std::pair<std::size_t, In>> queue_;
  std::map<std::size_t, Out> done_;
  std::size_t next_in_ = 0;
  std::size_t next_out_ = 0;
  bool finished_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace rasd

#endif  // RASD_COMMON_ORDERED_POOL_H_
