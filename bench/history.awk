# Synthetic history for bench/run: `total` entries (100,000) over five years, one file per month
# under `dir`, shaped like the lines backpain writes (README, "History"). Deterministic (srand 12).
BEGIN {
    srand(12);
    n = 0; per = int(total / 60);
    split("lower upper sciatic hip neck", loc, " ");
    for (m = 0; m < 60; m++) {
        year = 2021 + int(m / 12); month = m % 12 + 1;
        file = sprintf("%s/%04d-%02d.jsonl", dir, year, month);
        for (i = 0; i < per; i++) {
            day = 1 + int(i * 28 / per); hour = 8 + int(rand() * 10); min = int(rand() * 60);
            at = sprintf("%04d-%02d-%02dT%02d:%02d:00+01:00", year, month, day, hour, min);
            id = sprintf("%08x-%04x-4%03x-8%03x-%012x", n, m, i % 4096, int(rand() * 4096), n * 7919);
            l = loc[1 + int(rand() * 5)]; r = rand(); n++;
            if (r < 0.45) {
                printf "{\"v\":1,\"id\":\"%s\",\"at\":\"%s\",\"kind\":\"reminder\",\"location\":\"%s\",\"delivered\":\"notification\",\"snoozed\":false,\"drills\":[\"chin-tuck\",\"neck-side-bend\"]}\n", id, at, l > file;
            } else if (r < 0.8) {
                printf "{\"v\":1,\"id\":\"%s\",\"at\":\"%s\",\"kind\":\"response\",\"location\":\"%s\",\"action\":\"%s\",\"reminder\":\"%s\",\"snoozed\":false}\n", id, at, l, (rand() < 0.7 ? "done" : "snooze"), id > file;
            } else if (r < 0.9) {
                printf "{\"v\":1,\"id\":\"%s\",\"at\":\"%s\",\"kind\":\"session\",\"location\":\"%s\",\"variant\":\"micro\",\"morning\":false,\"ending\":\"finished\",\"steps\":3,\"done\":[\"chin-tuck\",\"neck-side-bend\",\"shoulder-rolls\"],\"planned_seconds\":165,\"seconds\":170,\"paused_seconds\":0}\n", id, at, l > file;
            } else if (r < 0.95) {
                printf "{\"v\":1,\"id\":\"%s\",\"at\":\"%s\",\"kind\":\"pain\",\"location\":\"%s\",\"rating\":%d}\n", id, at, l, int(rand() * 11) > file;
            } else {
                printf "{\"v\":1,\"id\":\"%s\",\"at\":\"%s\",\"kind\":\"break\",\"location\":\"%s\",\"variant\":\"micro\",\"note\":\"at my desk\"}\n", id, at, l > file;
            }
        }
        close(file);
    }
}
