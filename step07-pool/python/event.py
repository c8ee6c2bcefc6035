# threading.Event: ten threads print "start" and wait for the event; once
# it is set, each prints "execute". The lesson set it when someone typed
# "true"; here the main thread sets it once all ten have printed "start".
# Go twin: Example_event in event_example_test.go.
import threading

# print writes the text and then the line ending, and another thread may
# print in between: "startstart" and then two line endings. Printing
# under a lock keeps each line whole.
print_lock = threading.Lock()


def say(line):
    with print_lock:
        print(line)


def do(event, started):
    say("start")
    started.release()
    event.wait()
    say("execute")


event_obj = threading.Event()
started = threading.Semaphore(0)  # one release per thread that started
threads = [threading.Thread(target=do, args=(event_obj, started))
           for _ in range(10)]
for t in threads:
    t.start()

event_obj.clear()  # the flag is False already; the lesson says so anyway
for _ in threads:
    started.acquire()
event_obj.set()
for t in threads:
    t.join()
