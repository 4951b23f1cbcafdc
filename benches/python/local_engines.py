"""Spark in local mode and a Dask cluster of worker processes on this machine, started
as servex's engine tests (bindings-python/tests/test_engines.py) and benchmarks
(engines.py) need them: loopback only (no DNS query, no fixed port), quiet logs.

A script that starts the Dask cluster needs ``if __name__ == "__main__":`` (its
workers are spawned processes that import the script again)."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any

_LOG4J = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.gateway.name = org.apache.spark.api.python.PythonGatewayServer
logger.gateway.level = error
"""


def start_spark(cores: int = 2, driver_memory: str = "2g") -> Any:
    """A SparkSession on ``local[cores]`` (Java 17 on the PATH)."""
    # Workers run this interpreter (the one with pyarrow, for applyInPandas), and the
    # JVM binds loopback without asking DNS for the host name.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    conf = os.path.join(tempfile.gettempdir(), "servex-spark-conf")  # the same text every time
    os.makedirs(conf, exist_ok=True)
    with open(os.path.join(conf, "log4j2.properties"), "w", encoding="utf-8") as f:
        f.write(_LOG4J)
    os.environ["SPARK_CONF_DIR"] = conf
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("servex")
        .config("spark.driver.memory", driver_memory)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", str(2 * cores))
        .getOrCreate()
    )


def start_dask(workers: int = 2) -> Any:
    """A ``dask.distributed.Client`` on a LocalCluster of ``workers`` processes of one
    thread each; close it with ``client.close(); client.cluster.close()``."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        # Without this the scheduler still takes port 8787, and two clusters collide.
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )
    return Client(cluster)
