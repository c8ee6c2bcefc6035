print("hello " * 2)
