from app.live.runner import LEASE, LiveRunner


def test_exactly_one_runner_works_at_a_time(ingestor, clock):
    first = LiveRunner(ingestor, clock, lease_seconds=30)
    second = LiveRunner(ingestor, clock, lease_seconds=30)
    try:
        assert first.run_once() is True
        assert second.run_once() is False  # the lease is held
        clock.advance(20)
        assert first.run_once() is True  # renewed by its holder
        clock.advance(29)
        assert second.run_once() is False
        clock.advance(2)  # the holder stopped renewing: the lease expired
        assert second.run_once() is True
        assert first.run_once() is False
    finally:
        second.close()
    # A runner that stops gives the lease up at once.
    assert first.run_once() is True
    first.close()
    assert ingestor.store.live.acquire_lease(LEASE, "someone else", 30, clock.now())
