connect_instance_id = "3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63"
