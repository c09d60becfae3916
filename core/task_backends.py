"""The RQ task backend, with jobs pushed to Redis when the transaction that enqueued them commits.

django-tasks-rq pushes a job at once; a worker on another machine can then run it before the request's transaction
commits and not find the row it was given (Wagtail enqueues its reference-index task from ``post_save``: seen in
tests/scale_out as "CustomImage matching query does not exist"). Our own tasks are enqueued on commit
(core.tasks.enqueue_on_commit); this makes every task so, as the database backend is by nature (the job is a row of
the same transaction). The result is returned at once with the id the job will have."""

from django.db import transaction
from django_tasks.base import TASK_MAX_PRIORITY, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id
from django_tasks_rq import RQBackend
from django_tasks_rq.backend import Job, failed_callback, success_callback
from rq.job import Callback, JobStatus


class OnCommitRQBackend(RQBackend):
    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

        def push():
            import django_rq

            queue = django_rq.get_queue(task.queue_name, job_class=Job)
            job = queue.create_job(
                task.module_path,
                args=args,
                kwargs=kwargs,
                job_id=result.id,
                status=JobStatus.SCHEDULED if task.run_after else JobStatus.QUEUED,
                on_failure=Callback(failed_callback),
                on_success=Callback(success_callback),
                meta={"backend_name": self.alias},
            )
            if task.run_after is None:
                queue.enqueue_job(job, at_front=task.priority == TASK_MAX_PRIORITY)
            else:
                queue.schedule_job(job, task.run_after)
            task_enqueued.send(type(self), task_result=result)

        if transaction.get_connection().in_atomic_block:
            # robust, as core.tasks.enqueue_on_commit: with Redis down, the committed action still stands (logged).
            push.__qualname__ = f"push {task.module_path} to RQ"
            transaction.on_commit(push, robust=True)
        else:
            push()
        return result
