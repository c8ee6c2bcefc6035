# werkzeug's Local: one object, and each thread sees only the attributes
# that it set itself. Go twin: Example_local in local_example_test.go.
import threading

from werkzeug.local import Local

my_obj = Local()
my_obj.b = 1


def worker():
    my_obj.b = 2
    print("in sub thread b is:" + str(my_obj.b))


sub_thread = threading.Thread(target=worker, name="subthread1")
sub_thread.start()
sub_thread.join()  # the lesson sleeps for a second; join waits just enough
print("my_obj.b is : {}".format(my_obj.b))
