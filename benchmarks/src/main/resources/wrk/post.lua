-- POST the same selection again and again: each one replaces the stored pick (200).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
